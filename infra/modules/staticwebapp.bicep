// Static Web App hosting the admin SPA (web/dist). Content is uploaded separately (SWA CLI).

@description('Azure region for the Static Web App (only some regions offer it).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Static Web App.')
param name string

@description('Static Web Apps plan.')
@allowed([
  'Free'
  'Standard'
])
param skuName string

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Enabled'
  }
}

@description('Name of the Static Web App.')
output name string = site.name

@description('Default host name of the Static Web App.')
output defaultHostName string = site.properties.defaultHostname
