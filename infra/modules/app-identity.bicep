// The function app's user-assigned identity. It exists, with its roles (app-access.bicep), before the site
// is created, so the site's first start can pull its image, resolve the API_KEYS reference and reach storage.

@description('Identity name.')
param name string

@description('Azure region.')
param location string

@description('Tags for the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
