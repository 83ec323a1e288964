// Role assignments: what the function app's identity may touch, and what the deploying user
// may do by hand. Built-in role ids are fixed across Azure.

@description('Principal id of the function app identity.')
param appPrincipalId string

@description('Principal id of the deploying user or pipeline; empty skips its assignment.')
param operatorPrincipalId string

@description('Type of the operator principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param operatorPrincipalType string

@description('Storage account behind AzureWebJobsStorage.')
param storageAccountName string

@description('Key Vault holding the API keys.')
param keyVaultName string

@description('Azure OpenAI account.')
param openAiName string

@description('Container registry the app image is pulled from.')
param registryName string

func roleDefinition(roleId string) string => subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  cognitiveServicesOpenAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
}

// Blobs: the app's containers, the host's keys and the durable engine's leases and large
// messages (Owner, as the Functions host requires). Queues and tables: the durable engine's
// work items and history, and the blob trigger's poison queue.
var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: openAiName
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource appStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storage.id, appPrincipalId, role)
    scope: storage
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: roleDefinition(role)
    }
  }
]

// Resolves the API_KEYS Key Vault reference.
resource appSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: roleDefinition(roles.keyVaultSecretsUser)
  }
}

resource appOpenAi 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, appPrincipalId, roles.cognitiveServicesOpenAiUser)
  scope: openAi
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: roleDefinition(roles.cognitiveServicesOpenAiUser)
  }
}

resource appPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, appPrincipalId, roles.acrPull)
  scope: registry
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: roleDefinition(roles.acrPull)
  }
}

// Lets the operator rotate the API keys in the vault (the deployment itself writes the
// secret through the control plane and needs no data-plane role).
resource operatorSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleDefinitionId: roleDefinition(roles.keyVaultSecretsOfficer)
  }
}
