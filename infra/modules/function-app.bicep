// The function app: an Elastic Premium Linux plan running the app's own container image.
// Flex Consumption cannot run containers, and OpenCV's native libraries need our image.

@description('App Service plan name.')
param planName string

@description('Function app name; also its default host name.')
param name string

@description('Region of the plan and the app.')
param location string

@description('Tags applied to the plan.')
param tags object

@description('azd service name: azd finds the app to deploy to by this tag.')
param serviceName string

@description('Elastic Premium size: EP1, EP2 or EP3.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param sku string

@description('Most instances the plan scales out to.')
@minValue(1)
@maxValue(100)
param maximumElasticWorkerCount int

@description('Image to run: empty runs the Functions base image until azd deploys ours.')
param imageName string

@description('Functions base image used before the first deploy.')
param placeholderImage string

@description('Storage account of AzureWebJobsStorage (identity-based connection).')
param storageAccountName string

@description('Application Insights connection string.')
@secure()
param applicationInsightsConnectionString string

@description('Key Vault holding the API keys.')
param keyVaultName string

@description('Secret holding the API keys.')
param apiKeysSecretName string

@description('Azure OpenAI endpoint.')
param openAiEndpoint string

@description('Azure OpenAI deployment name.')
param openAiDeploymentName string

@description('Container of raw uploads (UPLOADS_CONTAINER).')
param uploadsContainer string

@description('Container whose new blobs start jobs (INBOX_CONTAINER).')
param inboxContainer string

@description('Container of results (RESULTS_CONTAINER).')
param resultsContainer string

var image = empty(imageName) ? placeholderImage : imageName

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'elastic'
  sku: {
    tier: 'ElasticPremium'
    name: sku
  }
  properties: {
    reserved: true // Linux
    maximumElasticWorkerCount: maximumElasticWorkerCount
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux,container'
  identity: {
    // System-assigned, so DefaultAzureCredential in the app and the host's identity-based
    // connections need no client id setting.
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOCKER|${image}'
      // Our registry is pulled from with the app identity (AcrPull); the public placeholder needs none.
      acrUseManagedIdentityCreds: !empty(imageName)
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // Names come only from the README's configuration table and infra/platform-app-settings.txt
      // (a test checks this). Tuning settings are left to the app's defaults.
      appSettings: [
        {
          name: 'FUNCTIONS_EXTENSION_VERSION'
          value: '~4'
        }
        {
          name: 'FUNCTIONS_WORKER_RUNTIME'
          value: 'dotnet-isolated'
        }
        {
          // The code is in the image; no /home share is mounted over it.
          name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE'
          value: 'false'
        }
        {
          // Identity-based: the host, the durable engine and the app use the system-assigned
          // identity (the default, so no __credential or __clientId settings).
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsightsConnectionString
        }
        {
          name: 'UPLOADS_CONTAINER'
          value: uploadsContainer
        }
        {
          name: 'INBOX_CONTAINER'
          value: inboxContainer
        }
        {
          name: 'RESULTS_CONTAINER'
          value: resultsContainer
        }
        {
          // Versionless reference: a rotated secret is picked up without redeploying.
          name: 'API_KEYS'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${apiKeysSecretName})'
        }
        {
          name: 'EXTRACTOR'
          value: 'azure-openai'
        }
        {
          // No AZURE_OPENAI_API_KEY: the app authenticates with its identity.
          name: 'AZURE_OPENAI_ENDPOINT'
          value: openAiEndpoint
        }
        {
          name: 'AZURE_OPENAI_DEPLOYMENT'
          value: openAiDeploymentName
        }
      ]
    }
  }
}

output name string = app.name
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
