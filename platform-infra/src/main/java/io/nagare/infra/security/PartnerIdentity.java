package io.nagare.infra.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;
import software.constructs.Construct;

/**
 * The Cognito user pool behind the partner API and the operators' console: operators sign in with a password and a
 * required TOTP second factor under threat protection; each partner system gets an app client that may only use the
 * OAuth client-credentials flow with the API's scopes (the seed's JWT validation, section 3.2).
 */
public final class PartnerIdentity extends Construct {

    static final String DEFAULT_RESOURCE_SERVER = "nagare";

    private final UserPool userPool;
    private final Map<String, UserPoolClient> partnerClients = new TreeMap<>();

    public PartnerIdentity(Construct scope, String id, PartnerIdentityProps props) {
        super(scope, id);
        userPool = UserPool.Builder.create(this, "UserPool")
                .selfSignUpEnabled(false)
                .signInCaseSensitive(false)
                .mfa(Mfa.REQUIRED)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(14).requireLowercase(true).requireUppercase(true).requireDigits(true)
                        .requireSymbols(true).tempPasswordValidity(Duration.days(1)).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .featurePlan(FeaturePlan.PLUS)
                .standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
                .deletionProtection(props.environment().deletionProtection())
                .removalPolicy(props.environment().dataRemovalPolicy())
                .build();
        // The prefix must be unique across AWS: the account id makes it so.
        userPool.addDomain("TokenEndpoint", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder()
                        .domainPrefix(Fn.join("-", List.of("nagare", props.environment().id(), Aws.ACCOUNT_ID)))
                        .build())
                .build());

        List<OAuthScope> oauthScopes = resourceServerScopes(props);
        if (!oauthScopes.isEmpty()) {
            for (String partner : props.partners()) {
                partnerClients.put(partner, userPool.addClient("Partner-" + partner, software.amazon.awscdk.services
                        .cognito.UserPoolClientOptions.builder()
                        .userPoolClientName("partner-" + partner)
                        .generateSecret(true)
                        .authFlows(software.amazon.awscdk.services.cognito.AuthFlow.builder().build())
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder().clientCredentials(true).build())
                                .scopes(oauthScopes)
                                .build())
                        .accessTokenValidity(Duration.hours(1))
                        .preventUserExistenceErrors(true)
                        .enableTokenRevocation(true)
                        .build()));
            }
        }
    }

    /** One resource server per scope prefix, holding that prefix's scopes; every scope, as app clients name them. */
    private List<OAuthScope> resourceServerScopes(PartnerIdentityProps props) {
        Map<String, List<String>> byServer = new TreeMap<>();
        for (String scope : props.scopes()) {
            int slash = scope.indexOf('/');
            String server = slash < 0 ? DEFAULT_RESOURCE_SERVER : scope.substring(0, slash);
            byServer.computeIfAbsent(server, s -> new ArrayList<>()).add(scope.substring(slash + 1));
        }
        List<OAuthScope> oauthScopes = new ArrayList<>();
        byServer.forEach((server, names) -> {
            List<ResourceServerScope> scopes = names.stream()
                    .map(name -> ResourceServerScope.Builder.create().scopeName(name)
                            .scopeDescription("Nagare API scope " + server + "/" + name).build())
                    .toList();
            UserPoolResourceServer resourceServer = userPool.addResourceServer("ResourceServer-" + server,
                    UserPoolResourceServerOptions.builder().identifier(server).scopes(scopes).build());
            scopes.forEach(scope -> oauthScopes.add(OAuthScope.resourceServer(resourceServer, scope)));
        });
        return oauthScopes;
    }

    public IUserPool userPool() {
        return userPool;
    }

    /** The app client of each partner, by partner name; empty while the API declares no scopes. */
    public Map<String, UserPoolClient> partnerClients() {
        return java.util.Collections.unmodifiableMap(partnerClients);
    }
}
