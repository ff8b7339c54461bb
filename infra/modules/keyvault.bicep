// Key Vault with Azure RBAC authorization (no access policies).

@description('Azure region for the vault.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Vault name: 3 to 24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Turn on purge protection. Once on it cannot be turned off.')
param enablePurgeProtection bool

@description('Days a deleted vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service rejects an explicit false; leave it unset when not enabled.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Vault URI, ending in a slash.')
output uri string = vault.properties.vaultUri
