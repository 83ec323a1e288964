// The Event Grid system topic of the storage account. Its BlobCreated subscription is made
// after deployment (infra/hooks/postdeploy.sh): the webhook needs the running app's
// blobs_extension key, which exists only once the host has started.

@description('System topic name.')
param name string

@description('Region; a storage system topic lives where its account does.')
param location string

@description('Tags applied to the topic.')
param tags object

@description('Name of the storage account whose events the topic carries.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
