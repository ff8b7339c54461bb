// Storage account used by the app (tables, blobs, queues) and by the Functions host
// (AzureWebJobsStorage and the Flex Consumption deployment container). Identity-based access only.

@description('Azure region for the storage account.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Storage account name: 3 to 24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Replication SKU of the storage account.')
param skuName string

@description('Allow shared-key (account key / SAS) authorization. Nothing in this deployment needs it.')
param allowSharedKeyAccess bool

@description('Blob container the Flex Consumption plan deploys the app package into.')
param deploymentContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: allowSharedKeyAccess
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

@description('Name of the storage account.')
output name string = storage.name

@description('Blob endpoint of the storage account, ending in a slash.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Queue endpoint of the storage account, ending in a slash.')
output queueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Name of the deployment container.')
output deploymentContainerName string = deploymentContainer.name
