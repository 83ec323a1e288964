// The storage account behind the app: its three private containers, the durable engine's
// queues and tables (made by the engine itself), and a lifecycle rule for stray blobs.

@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the account.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Container the API writes raw uploads to.')
param uploadsContainer string

@description('Container whose BlobCreated events start a job (Event Grid blob trigger).')
param inboxContainer string

@description('Container holding finished results.')
param resultsContainer string

@description('Days after which the lifecycle rule deletes any blob left in the three containers.')
@minValue(1)
param strayBlobDays int = 1

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    // Identity only: the app, the host and the durable engine all use Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for container in [uploadsContainer, inboxContainer, resultsContainer]: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

// Identity documents must not linger: whatever a failed or abandoned job leaves behind goes
// after a day. The app deletes uploads itself and expires results sooner (RESULT_TTL).
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-stray-blobs'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${uploadsContainer}/'
                '${inboxContainer}/'
                '${resultsContainer}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: strayBlobDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    containers
  ]
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
