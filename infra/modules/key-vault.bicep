// Key Vault holding the API keys. The app reads them through a Key Vault reference with its
// own identity; RBAC authorization, so access is granted by role assignments only.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Name of the secret holding the API keys.')
param apiKeysSecretName string

@description('Comma-separated API keys (API_KEYS) the API accepts.')
@secure()
param apiKeys string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
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
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource apiKeysSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: apiKeysSecretName
  properties: {
    value: apiKeys
    contentType: 'text/plain; comma-separated API keys'
  }
}

output name string = vault.name
output endpoint string = vault.properties.vaultUri
output apiKeysSecretName string = apiKeysSecret.name
