// KycOcr in Azure: one resource group per azd environment holding the function app (its own
// container on Elastic Premium), storage, Event Grid system topic, Azure OpenAI, Key Vault,
// container registry and monitoring. See infra/README.md.
targetScope = 'subscription'

@description('azd environment name; names the resource group and seeds resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Region of every resource except Azure OpenAI.')
@minLength(1)
param location string

@description('Region of Azure OpenAI; empty uses the main region. Pick one that offers the model.')
param openAiLocation string = ''

@description('Principal id of the deploying user or pipeline (azd fills it in); may be empty.')
param principalId string = ''

@description('Type of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Comma-separated API keys the service accepts (stored in Key Vault as API_KEYS).')
@secure()
@minLength(16)
param apiKeys string

@description('Image the function app runs; azd sets it after building the Dockerfile in the registry.')
param functionsImageName string = ''

@description('Elastic Premium plan size.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param functionsPlanSku string = 'EP1'

@description('Most instances the function app scales out to.')
@minValue(1)
@maxValue(100)
param functionsMaximumInstances int = 5

// gpt-5.1 2025-11-13: GA, takes images, retires 2027-05-15 (Azure OpenAI model retirement schedule, which names it
// gpt-4o 2024-11-20's replacement; that one is deprecated and retires 2026-10-01). Any vision chat model will do.
@description('Vision model name (a chat model that accepts images).')
param openAiModelName string = 'gpt-5.1'

@description('Vision model version.')
param openAiModelVersion string = '2025-11-13'

@description('How the model takes a request (MODEL_FAMILY): reasoning for the gpt-5 family and the o-series, classic for gpt-4o and gpt-4.1.')
@allowed([
  'classic'
  'reasoning'
])
param openAiModelFamily string = startsWith(openAiModelName, 'gpt-5') || startsWith(openAiModelName, 'o1') || startsWith(openAiModelName, 'o3') || startsWith(openAiModelName, 'o4')
  ? 'reasoning'
  : 'classic'

@description('A reasoning model\'s reasoning_effort (MODEL_REASONING_EFFORT); empty keeps the model\'s default.')
@allowed([
  ''
  'none'
  'minimal'
  'low'
  'medium'
  'high'
])
param openAiReasoningEffort string = ''

@description('Model deployment name the app calls (AZURE_OPENAI_DEPLOYMENT).')
param openAiDeploymentName string = 'vision'

@description('Model deployment SKU.')
@allowed([
  'GlobalStandard'
  'Standard'
  'DataZoneStandard'
])
param openAiDeploymentSku string = 'GlobalStandard'

@description('Model deployment capacity, thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 30

@description('Serve the try-it page at GET / (TRY_IT_PAGE_ENABLED): off in production unless asked for.')
param tryItPageEnabled bool = false

@description('Days after which blobs left in the app containers are deleted.')
@minValue(1)
param strayBlobDays int = 1

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'kycocr'
}
var containers = {
  uploads: 'uploads'
  inbox: 'inbox'
  results: 'results'
}
var apiKeysSecretName = 'api-keys'
var serviceName = 'functions'
// Runs until the first `azd deploy` replaces it with our image (documented tag; see the Dockerfile).
var placeholderImage = 'mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourceGroup}${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.logAnalyticsWorkspace}${resourceToken}'
    applicationInsightsName: '${abbrs.applicationInsights}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.storageAccount}${resourceToken}'
    location: location
    tags: tags
    uploadsContainer: containers.uploads
    inboxContainer: containers.inbox
    resultsContainer: containers.results
    strayBlobDays: strayBlobDays
  }
}

module eventGridTopic 'modules/event-grid-topic.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.eventGridSystemTopic}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

module keyVault 'modules/key-vault.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.keyVault}${resourceToken}'
    location: location
    tags: tags
    apiKeysSecretName: apiKeysSecretName
    apiKeys: apiKeys
  }
}

module openAi 'modules/openai.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.openAi}${resourceToken}'
    location: empty(openAiLocation) ? location : openAiLocation
    tags: tags
    deploymentName: openAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSku: openAiDeploymentSku
    capacity: openAiCapacity
  }
}

module registry 'modules/container-registry.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.containerRegistry}${resourceToken}'
    location: location
    tags: tags
  }
}

module appIdentity 'modules/app-identity.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module functionApp 'modules/function-app.bicep' = {
  scope: rg
  // The identity's roles first: the site's first start pulls the image and resolves API_KEYS with them.
  dependsOn: [
    appAccess
  ]
  params: {
    planName: '${abbrs.appServicePlan}${resourceToken}'
    name: '${abbrs.functionApp}${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    sku: functionsPlanSku
    maximumElasticWorkerCount: functionsMaximumInstances
    imageName: functionsImageName
    placeholderImage: placeholderImage
    storageAccountName: storage.outputs.name
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: keyVault.outputs.name
    apiKeysSecretName: keyVault.outputs.apiKeysSecretName
    openAiEndpoint: openAi.outputs.endpoint
    openAiDeploymentName: openAi.outputs.deploymentName
    identityId: appIdentity.outputs.id
    identityClientId: appIdentity.outputs.clientId
    openAiModelFamily: openAiModelFamily
    openAiReasoningEffort: openAiReasoningEffort
    uploadsContainer: containers.uploads
    inboxContainer: containers.inbox
    resultsContainer: containers.results
    tryItPageEnabled: tryItPageEnabled
  }
}

module appAccess 'modules/app-access.bicep' = {
  scope: rg
  params: {
    appPrincipalId: appIdentity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    openAiName: openAi.outputs.name
    registryName: registry.outputs.name
  }
}

// azd stores these in the environment (.azure/<env>/.env); the postdeploy hook reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output BLOB_WEBHOOK_FUNCTION string = 'Host.Functions.InboxBlobTrigger'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output INBOX_CONTAINER string = containers.inbox
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGridTopic.outputs.name
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_DEPLOYMENT string = openAi.outputs.deploymentName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
