// Service Bus namespace (Entra ID auth only) and the integration-event queues.

@description('Azure region for the namespace.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Namespace name: 6 to 50 letters, digits and hyphens, globally unique.')
@minLength(6)
@maxLength(50)
param name string

@description('Service Bus tier.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param skuName string

@description('Name of the queue that carries tenant status changes.')
param queueName string

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: queueName
  properties: {
    lockDuration: 'PT1M'
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    defaultMessageTimeToLive: 'P14D'
  }
}

@description('The other integration-event destinations the app publishes to (EventDestinations in the code).')
param eventQueueNames array = [
  'user-events'
  'tenant-events'
  'security-alerts'
]

resource eventQueues 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [for name in eventQueueNames: {
  parent: namespace
  name: name
  properties: {
    lockDuration: 'PT1M'
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    defaultMessageTimeToLive: 'P14D'
  }
}]

@description('Name of the namespace.')
output name string = namespace.name

@description('Fully qualified namespace host name, e.g. sb-x.servicebus.windows.net.')
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]

@description('Name of the queue.')
output queueName string = queue.name
