import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  CfnUserPoolGroup,
  OAuthScope,
  UserPoolClientIdentityProvider,
  ClientAttributes,
  CfnUserPoolClient,
  LambdaVersion,
  StandardThreatProtectionMode,
  UserPoolOperation,
  ResourceServerScope,
} from 'aws-cdk-lib/aws-cognito';
import { CertificationFunction } from '../constructs/certification-function';
import { ROLES } from '../../functions/domain/schemas';

/** Identity: the user pool (MFA, no self sign-up, the company an account acts for immutable), a group per role, the portal's client. */
export const identity = (stack: Stack, allowedOrigins: string[], stage: string | undefined) => {
  // --- identity ------------------------------------------------------------------------
  const userPool = new UserPool(stack, 'Users', {
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    // the company an account acts for: written once by the admin invitation, never by the user
    customAttributes: { ensId: new StringAttribute({ mutable: false, maxLen: 64 }) },
    passwordPolicy: {
      minLength: 12,
      requireDigits: true,
      requireLowercase: true,
      requireUppercase: true,
      requireSymbols: true,
    },
    mfa: Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    featurePlan: FeaturePlan.PLUS,
    // the Plus tier is paid for its threat protection: risky sign-ins are blocked, not only logged
    standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
  });
  // the API accepts access tokens only: they carry the company an account acts for (event v2)
  const preToken = new CertificationFunction(stack, 'PreTokenGeneration', {
    entry: 'functions/events/pre-token-generation.ts',
    description: 'Adds the company an account acts for to its access token',
  });
  userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, preToken.fn, LambdaVersion.V2_0);
  for (const role of ROLES) {
    new CfnUserPoolGroup(stack, `Group-${role}`, { userPoolId: userPool.userPoolId, groupName: role });
  }
  // the portal signs in through Cognito's hosted pages (authorization code + PKCE, MFA there)
  const signInDomain = userPool.addDomain('SignIn', {
    cognitoDomain: { domainPrefix: `tlc-certification-${stage ?? 'dev'}` },
  });
  const portalClient = userPool.addClient('Portal', {
    generateSecret: false,
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: allowedOrigins.map((o) => `${o}/connexion`),
      logoutUrls: allowedOrigins.map((o) => `${o}/`),
    },
    supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
    preventUserExistenceErrors: true,
    // users may change their name and phone, never the company they act for
    readAttributes: new ClientAttributes()
      .withStandardAttributes({
        email: true,
        emailVerified: true,
        givenName: true,
        familyName: true,
        phoneNumber: true,
      })
      .withCustomAttributes('ensId'),
    writeAttributes: new ClientAttributes().withStandardAttributes({
      givenName: true,
      familyName: true,
      phoneNumber: true,
    }),
  }); // hosted pages only (authorization code + PKCE): no SRP or password flow on this client, only the
  // refresh of tokens it was issued
  (portalClient.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];

  // the companies' API clients (client-credentials grant) get this one scope: « act as a candidate
  // of the company the platform's record names » (functions/domain/api-clients.ts)
  userPool.addResourceServer('Api', {
    identifier: 'tlc-api',
    scopes: [
      new ResourceServerScope({ scopeName: 'candidate', scopeDescription: 'Act as a candidate of the company' }),
    ],
  });
  return { userPool, signInDomain, portalClient };
};
