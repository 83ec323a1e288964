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

@description('Resource id of the app\'s user-assigned identity (its roles are granted before the site exists).')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('How the deployed model takes a request (MODEL_FAMILY).')
param openAiModelFamily string

@description('A reasoning model\'s reasoning_effort (MODEL_REASONING_EFFORT); empty keeps the model\'s default.')
param openAiReasoningEffort string

@description('Whether GET / serves the try-it page (TRY_IT_PAGE_ENABLED).')
param tryItPageEnabled bool

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
    // User-assigned and created first, with its roles: a system-assigned identity exists only with the site,
    // so its first start would pull anonymously and read API_KEYS before any role was granted.
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOCKER|${image}'
      // Always on: azd's deploy changes only linuxFxVersion, so the infra must make the pull use the identity
      // (AcrPull) from the first deploy on.
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identityClientId
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
          // Identity-based: the host and the durable engine use the user-assigned identity (Durable Functions
          // takes it by client id, not resource id).
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          // DefaultAzureCredential in the app (its blob client, Azure OpenAI) picks the user-assigned identity.
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
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
        {
          // The deployment's name does not say its model: the family is set, not inferred.
          name: 'MODEL_FAMILY'
          value: openAiModelFamily
        }
        {
          name: 'MODEL_REASONING_EFFORT'
          value: openAiReasoningEffort
        }
        {
          // The route / is the app's (the try-it page, or a 404 when it is off), not the Functions host's homepage.
          name: 'AzureWebJobsDisableHomepage'
          value: 'true'
        }
        {
          name: 'TRY_IT_PAGE_ENABLED'
          value: string(tryItPageEnabled)
        }
      ]
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
