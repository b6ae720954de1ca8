// App Service authentication (authsettingsV2) with Microsoft Entra ID for the Function App.
// The app registration is created outside Bicep (README, "Create the Entra app registration"):
// it exposes the API (api://<client id>) and the app roles Applicant, Department, Supervisor, Steward
// (api.md, "Identity"). Only bearer tokens are validated here (no login flow, no client secret).
//
// Anonymous requests are let through on purpose: api.md has public routes (catalog, guide,
// certificates, projects, health). The app authorizes every other route itself and does not rely on
// this resource: it validates the bearer token (issuer, audience, signature, lifetime; app settings
// Auth__Authority and Auth__Audience in functionapp.bicep). It honours the X-MS-CLIENT-PRINCIPAL header
// only when the platform reports WEBSITE_AUTH_ENABLED=True, which it sets while this resource is
// enabled (and then replaces any header a caller sends); anywhere else that header gets 401.

@description('Name of the existing Function App.')
param siteName string

@description('Application (client) id of the Entra app registration that represents the API.')
param clientId string

@description('Entra tenant id that issues the tokens.')
param tenantId string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${clientId}'
            clientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}
