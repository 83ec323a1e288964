// Registry for the function app's image. azd builds the Dockerfile in the registry itself
// (remoteBuild), so no local Docker is needed; the app pulls with its managed identity.

@description('Registry name (5-50 letters and digits).')
@minLength(5)
@maxLength(50)
param name string

@description('Region of the registry.')
param location string

@description('Tags applied to the registry.')
param tags object

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
  }
}

output name string = registry.name
output loginServer string = registry.properties.loginServer
