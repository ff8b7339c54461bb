// Linux function app on the Flex Consumption plan, running the ASP.NET Core custom handler.
// Every connection is identity-based (system-assigned managed identity); no keys in app settings.
// On Flex Consumption the worker runtime is declared in functionAppConfig.runtime ('custom'), which
// is the equivalent of FUNCTIONS_WORKER_RUNTIME=custom; the plan rejects that app setting itself.

@description('Azure region for the plan and the app.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app (becomes <name>.azurewebsites.net).')
param name string

@description('Memory per instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Upper bound on scale-out.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Instances of the HTTP group kept running. At least 1: the Durable Task worker runs inside the handler and polls its task hub only while an instance is up; the host gets no scaling signal from the task hub.')
@minValue(1)
param alwaysReadyInstances int = 1

@description('Name of the storage account (app data and AzureWebJobsStorage).')
param storageAccountName string

@description('Blob endpoint of the storage account, ending in a slash.')
param storageBlobEndpoint string

@description('Queue endpoint of the storage account, ending in a slash.')
param storageQueueEndpoint string

@description('Blob container the plan deploys the app package into.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Key Vault URI, ending in a slash.')
param keyVaultUri string

@description('Fully qualified Service Bus namespace host name.')
param serviceBusNamespace string

@description('Service Bus queue for tenant status changes.')
param serviceBusQueueName string

@description('Key Vault secret names referenced from app settings.')
param secretNames {
  stripeSecretKey: string
  stripeWebhookSecret: string
  cursorKey: string
}

@description('OIDC client ID of the staff sign-in app registration (Google Workspace).')
param oidcClientId string

@description('Google Workspace hosted domain staff must belong to.')
param oidcHostedDomain string

@description('Origins allowed by CORS (the SPA).')
param corsAllowedOrigins string[]

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Key Vault reference to the latest version of a secret, resolved with the app's identity.
func kvRef(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: [
          {
            name: 'http'
            instanceCount: alwaysReadyInstances
          }
        ]
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Functions host: storage and telemetry through the managed identity.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'

    // The app (section__key). Two of these double as identity-based trigger connections:
    // "connection": "Storage" (queue triggers) and "connection": "ServiceBus" (Service Bus triggers).
    Storage__AccountName: storageAccountName
    Storage__queueServiceUri: storageQueueEndpoint
    ServiceBus__FullyQualifiedNamespace: serviceBusNamespace
    ServiceBus__Queue: serviceBusQueueName
    Bus__Kind: 'ServiceBus'
    Vault__Uri: keyVaultUri
    Secrets__Kind: 'KeyVault'
    Auth__Oidc__ClientId: oidcClientId
    Auth__Oidc__HostedDomain: oidcHostedDomain
    Stripe__SecretKey: kvRef(keyVaultUri, secretNames.stripeSecretKey)
    Stripe__WebhookSecret: kvRef(keyVaultUri, secretNames.stripeWebhookSecret)
    Security__CursorKey: kvRef(keyVaultUri, secretNames.cursorKey)

    // Durable work (docs/workflows.md, "Crash recovery in production"): a dead worker's partitions move after the
    // lease, its taken messages come back after the visibility timeouts. DTFx renews a running activity's message,
    // so these bound recovery, not how long an activity may run.
    Workflows__LeaseInterval: '00:00:30'
    Workflows__WorkItemVisibilityTimeout: '00:05:00'
    Workflows__ControlQueueVisibilityTimeout: '00:05:00'
  }
}

@description('Name of the function app.')
output name string = app.name

@description('Default host name of the function app.')
output defaultHostName string = app.properties.defaultHostName

@description('Object ID of the app\'s system-assigned identity.')
output principalId string = app.identity.principalId
