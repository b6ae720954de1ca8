// Service Bus namespace with the queue department systems write their decisions to
// (api.md, "Departments"; AzureResourceNames.DepartmentResponsesQueue).
// Local (SAS key) authentication is disabled: senders and the Function App use Entra ID.

@description('Name of the Service Bus namespace (6-50 characters, globally unique).')
param namespaceName string

@description('Azure region.')
param location string

@description('Deliveries before Service Bus moves a message to the dead-letter queue on its own. The handler dead-letters unusable messages itself with a reason; this bound catches handler crashes.')
@minValue(1)
@maxValue(100)
param maxDeliveryCount int = 10

param tags object = {}

resource namespace 'Microsoft.ServiceBus/namespaces@2021-11-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    // Standard: Basic has no duplicate detection; Premium is not needed at this volume.
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource departmentResponses 'Microsoft.ServiceBus/namespaces/queues@2021-11-01' = {
  parent: namespace
  name: 'department-responses'
  properties: {
    maxDeliveryCount: maxDeliveryCount
    deadLetteringOnMessageExpiration: true
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P14D'
    // Service Bus drops a repeated messageId within the window; the handler also ignores
    // repeated message ids for good (api.md), so this is only a first line.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT10M'
    enablePartitioning: false
    maxSizeInMegabytes: 1024
  }
}

output namespaceName string = namespace.name
// serviceBusEndpoint is 'https://<name>.servicebus.windows.net:443/' (the suffix differs in sovereign clouds).
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]
output departmentResponsesQueueName string = departmentResponses.name
