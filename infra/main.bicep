// PenguinMails Admin Platform: everything the function app and the admin SPA need in one resource group.
// Deploy with: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
// See infra/README.md.

targetScope = 'resourceGroup'

@description('Azure region for all resources except the Static Web App. Must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Short name used in resource names.')
@minLength(2)
@maxLength(20)
param appName string = 'penguinmails-admin'

@description('Environment label, used in names and tags (e.g. prod, staging).')
@minLength(2)
@maxLength(10)
param environmentName string = 'prod'

@description('Tags applied to every resource.')
param tags object = {
  app: appName
  env: environmentName
}

@description('OIDC client ID of the Google Workspace app registration staff sign in with (Auth__Oidc__ClientId).')
@minLength(1)
param oidcClientId string

@description('Google Workspace hosted domain staff accounts must belong to (Auth__Oidc__HostedDomain).')
param oidcHostedDomain string = 'penguinmails.com'

@description('Memory per function app instance, in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Maximum number of function app instances.')
@minValue(1)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Storage account replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Allow shared-key authorization on the storage account. Everything here uses Entra ID, so leave it false.')
param storageAllowSharedKeyAccess bool = false

@description('Service Bus tier.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param serviceBusSkuName string = 'Standard'

@description('Turn on Key Vault purge protection (irreversible once on).')
param keyVaultEnablePurgeProtection bool = true

@description('Days each signed audit digest stays immutable (time-based retention on the audit-digests container; appends stay allowed).')
@minValue(1)
@maxValue(146000)
param auditDigestImmutabilityDays int = 400

@description('Require Entra ID auth for Application Insights ingestion (the function app has Monitoring Metrics Publisher).')
param appInsightsDisableLocalAuth bool = false

@description('Days to keep logs in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Region of the Static Web App (a global service with a limited set of home regions).')
@allowed([
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
])
param staticWebAppLocation string = 'westeurope'

@description('Static Web Apps plan.')
@allowed([
  'Free'
  'Standard'
])
param staticWebAppSkuName string = 'Free'

@description('Extra origins allowed to call the API besides the Static Web App (e.g. a custom domain).')
param additionalCorsOrigins string[] = []

@description('Object ID of the user or group deploying, granted Key Vault Secrets Officer so it can set the secrets; empty for none.')
param deployerPrincipalId string = ''

@description('Principal type of deployerPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param deployerPrincipalType string = 'User'

var resourceToken = uniqueString(resourceGroup().id, appName, environmentName)
var baseName = '${appName}-${environmentName}'
var names = {
  logAnalytics: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  storage: toLower('st${take(replace(appName, '-', ''), 9)}${resourceToken}')
  keyVault: 'kv${resourceToken}'
  serviceBus: 'sb-${baseName}-${resourceToken}'
  staticWebApp: 'swa-${baseName}'
  plan: 'plan-${baseName}'
  functionApp: 'func-${baseName}-${resourceToken}'
}

var serviceBusQueueName = 'tenant-status-changes'
var deploymentContainerName = 'app-package'

// Key Vault secrets the app settings reference; set them after the first deployment (README).
var secretNames = {
  stripeSecretKey: 'stripe-secret-key'
  stripeWebhookSecret: 'stripe-webhook-secret'
  cursorKey: 'security-cursor-key'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
    disableLocalAuth: appInsightsDisableLocalAuth
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: names.storage
    skuName: storageSkuName
    allowSharedKeyAccess: storageAllowSharedKeyAccess
    deploymentContainerName: deploymentContainerName
  }
}

// Signed audit digests (docs/audit.md): append blobs under a time-based immutability policy, so no one, the app's
// own identity included, can rewrite or delete a digest before it expires; protected append writes let new ones in.
resource auditStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: names.storage
}

resource auditBlobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: auditStorage
  name: 'default'
}

resource auditDigestContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: auditBlobService
  name: 'audit-digests'
  properties: {
    publicAccess: 'None'
  }
  dependsOn: [
    storage
  ]
}

resource auditDigestImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: auditDigestContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: auditDigestImmutabilityDays
    allowProtectedAppendWrites: true
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    name: names.keyVault
    enablePurgeProtection: keyVaultEnablePurgeProtection
    softDeleteRetentionInDays: 90
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    location: location
    tags: tags
    name: names.serviceBus
    skuName: serviceBusSkuName
    queueName: serviceBusQueueName
  }
}

module staticWebApp 'modules/staticwebapp.bicep' = {
  name: 'staticwebapp'
  params: {
    location: staticWebAppLocation
    tags: tags
    name: names.staticWebApp
    skuName: staticWebAppSkuName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    tags: tags
    planName: names.plan
    name: names.functionApp
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    appInsightsName: monitoring.outputs.appInsightsName
    keyVaultUri: keyVault.outputs.uri
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    serviceBusQueueName: serviceBus.outputs.queueName
    secretNames: secretNames
    oidcClientId: oidcClientId
    oidcHostedDomain: oidcHostedDomain
    corsAllowedOrigins: concat(['https://${staticWebApp.outputs.defaultHostName}'], additionalCorsOrigins)
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: functionApp.outputs.principalId
    deployerPrincipalId: deployerPrincipalId
    deployerPrincipalType: deployerPrincipalType
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    serviceBusName: serviceBus.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

@description('Name of the function app (target of the zip deployment).')
output functionAppName string = functionApp.outputs.name

@description('Host name of the function app; the API is at https://<host>/api.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Host name of the Static Web App serving the admin SPA.')
output staticWebAppHostName string = staticWebApp.outputs.defaultHostName

@description('Name of the Static Web App.')
output staticWebAppName string = staticWebApp.outputs.name

@description('Name of the Key Vault holding the Stripe secrets and the cursor key.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name
