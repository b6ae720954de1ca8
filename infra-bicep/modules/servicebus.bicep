// Service Bus namespace with the topic department notifications go to (a task dispatched, a
// deadline near; application property "department"; AzureResourceNames.DepartmentTasksTopic).
// Department systems subscribe per department; their decisions come back on the Storage queue
// department-responses.
// Local (SAS key) authentication is disabled: senders and the Function App use Entra ID.

@description('Name of the Service Bus namespace (6-50 characters, globally unique).')
param namespaceName string

@description('Azure region.')
param location string

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

resource departmentTasks 'Microsoft.ServiceBus/namespaces/topics@2021-11-01' = {
  parent: namespace
  name: 'department-tasks'
  properties: {
    defaultMessageTimeToLive: 'P14D'
    // The message id is the task id plus the event: a retried send within the window is dropped.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    enablePartitioning: false
    maxSizeInMegabytes: 1024
  }
}

output namespaceName string = namespace.name
// serviceBusEndpoint is 'https://<name>.servicebus.windows.net:443/' (the suffix differs in sovereign clouds).
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]
output departmentTasksTopicName string = departmentTasks.name
