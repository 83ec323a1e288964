// Azure OpenAI with one vision-capable chat model deployment. Local (key) auth is off: the
// app authenticates with its managed identity (Cognitive Services OpenAI User).

@description('Account name; also its custom subdomain, which Entra ID auth requires.')
param name string

@description('Region; choose one that offers the model below.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Deployment name the app sends requests to (AZURE_OPENAI_DEPLOYMENT).')
param deploymentName string

@description('A GPT-4-class model that accepts images.')
param modelName string

@description('Model version.')
param modelVersion string

@description('Deployment SKU, e.g. GlobalStandard or Standard.')
param deploymentSku string

@description('Capacity in thousands of tokens per minute.')
@minValue(1)
param capacity int

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSku
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
  }
}

output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
