package uk.socialprescribing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.socialprescribing.events.Topic;

/** The rules every production Deployment and the platform around it must keep (k8s/overlays/prod). */
class ProdRulesTest {

    static final List<String> SERVICES = List.of("referral-service", "caseload-service", "directory-service", "outcomes-service", "api-gateway",
            "web");

    static List<ObjectNode> prod(String kind) {
        return Manifests.ofKind("prod", kind);
    }

    static Set<String> names(String kind) {
        return prod(kind).stream().map(o -> o.path("metadata").path("name").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyDeploymentIsProbedLimitedAndHardened() {
        List<ObjectNode> deployments = prod("Deployment");
        assertEquals(new TreeSet<>(SERVICES), names("Deployment"));
        List<String> broken = new ArrayList<>();
        for (ObjectNode deployment : deployments) {
            String name = Manifests.name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            check(broken, name, "runAsNonRoot", podSecurity.path("runAsNonRoot").asBoolean());
            check(broken, name, "a non-root user", podSecurity.path("runAsUser").asInt(0) > 0);
            check(broken, name, "seccomp RuntimeDefault", "RuntimeDefault".equals(podSecurity.path("seccompProfile").path("type").asText()));
            check(broken, name, "no service account token", !pod.path("automountServiceAccountToken").asBoolean(true));
            check(broken, name, "topology spread", pod.path("topologySpreadConstraints").size() >= 1);
            check(broken, name, "several replicas", deployment.path("spec").path("replicas").asInt() >= 2);
            for (JsonNode container : pod.path("containers")) {
                String c = name + " container " + container.path("name").asText();
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    check(broken, c, probe + " on SmallRye Health", container.path(probe).path("httpGet").path("path").asText().startsWith("/q/health/"));
                }
                for (String level : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        check(broken, c, resource + " " + level, !container.path("resources").path(level).path(resource).asText().isEmpty());
                    }
                }
                JsonNode security = container.path("securityContext");
                check(broken, c, "read-only root filesystem", security.path("readOnlyRootFilesystem").asBoolean());
                check(broken, c, "no privilege escalation", !security.path("allowPrivilegeEscalation").asBoolean(true));
                check(broken, c, "not privileged", !security.path("privileged").asBoolean(false));
                check(broken, c, "all capabilities dropped", security.path("capabilities").path("drop").toString().contains("\"ALL\""));
                check(broken, c, "/tmp on an emptyDir", container.path("volumeMounts").toString().contains("\"/tmp\"")
                        && pod.path("volumes").toString().contains("emptyDir"));
                check(broken, c, "an image pinned by version", container.path("image").asText().matches(".+:[0-9][^:]*")
                        && !container.path("image").asText().endsWith(":latest"));
                check(broken, c, "no secret value in its environment", !container.path("env").toString().contains("PASSWORD\",\"value\""));
            }
        }
        assertEquals(List.of(), broken);
    }

    private static void check(List<String> broken, String what, String rule, boolean kept) {
        if (!kept) {
            broken.add(what + ": " + rule);
        }
    }

    @Test
    void eachServiceHasAServiceAnAutoscalerAndADisruptionBudget() {
        assertEquals(new TreeSet<>(SERVICES), names("Service"));
        assertEquals(new TreeSet<>(SERVICES), names("HorizontalPodAutoscaler"));
        assertEquals(new TreeSet<>(SERVICES), names("PodDisruptionBudget"));
        for (ObjectNode hpa : prod("HorizontalPodAutoscaler")) {
            assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 2 && hpa.path("spec").path("maxReplicas").asInt() > hpa.path("spec")
                    .path("minReplicas").asInt(), Manifests.name(hpa));
        }
        for (ObjectNode pdb : prod("PodDisruptionBudget")) {
            assertTrue(pdb.path("spec").has("maxUnavailable") || pdb.path("spec").has("minAvailable"), Manifests.name(pdb));
        }
    }

    @Test
    void theGatewayAndTheWebAppAreBehindIngressesWithTls() {
        List<ObjectNode> ingresses = prod("Ingress");
        assertEquals(List.of("api-gateway", "web"), ingresses.stream().map(i -> i.path("spec").path("rules").get(0).path("http").path("paths")
                .get(0).path("backend").path("service").path("name").asText()).sorted().toList());
        for (ObjectNode ingress : ingresses) {
            JsonNode spec = ingress.path("spec");
            assertFalse(spec.path("tls").isEmpty(), Manifests.name(ingress));
            assertEquals(spec.path("rules").get(0).path("host").asText(), spec.path("tls").get(0).path("hosts").get(0).asText());
        }
        // the web app keeps sessions in memory: a browser stays on one pod
        ObjectNode web = ingresses.stream().filter(i -> Manifests.name(i).contains("web")).findFirst().orElseThrow();
        assertEquals("cookie", web.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/affinity").asText());
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowOnlyThePlatformsPaths() throws Exception {
        Map<String, JsonNode> policies = new TreeMap<>();
        prod("NetworkPolicy").forEach(p -> policies.put(p.path("metadata").path("name").asText(), p.path("spec")));
        JsonNode deny = policies.get("default-deny-all");
        assertTrue(deny != null && deny.path("podSelector").isEmpty() && deny.path("ingress").isMissingNode() && deny.path("egress").isMissingNode()
                && deny.path("policyTypes").toString().equals("[\"Ingress\",\"Egress\"]"), String.valueOf(deny));
        // ingress -> gateway only from the ingress controller's namespace and the web app; the web app reaches the
        // gateway and Keycloak, never a service, a database or Kafka
        assertTrue(policies.get("api-gateway").path("ingress").toString().contains("ingress-nginx"));
        String web = policies.get("web").path("egress").toString();
        assertTrue(web.contains("\"app.kubernetes.io/name\":\"api-gateway\"") && web.contains("\"app\":\"keycloak\""), web);
        assertFalse(web.contains("-service") || web.contains("cnpg.io") || web.contains("strimzi.io"), web);
        // every service: in from the gateway only; out to its own database, Kafka and Keycloak
        for (String service : SERVICES.subList(0, 4)) {
            JsonNode policy = policies.get(service);
            String database = service.replace("-service", "") + "-db";
            assertEquals(Manifests.YAML.readTree("[{from: [{podSelector: {matchLabels: {app.kubernetes.io/name: api-gateway}}}], "
                    + "ports: [{protocol: TCP, port: 8080}]}]"), policy.path("ingress"), service);
            String egress = policy.path("egress").toString();
            assertTrue(egress.contains("\"cnpg.io/cluster\":\"" + database + "\"") && egress.contains("strimzi.io/cluster")
                    && egress.contains("\"app\":\"keycloak\""), service + ": " + egress);
            for (String other : SERVICES.subList(0, 4)) {
                if (!other.equals(service)) {
                    assertFalse(egress.contains(other.replace("-service", "") + "-db"), service + " may reach " + other + "'s database");
                }
            }
            // each database takes connections from its own service only (and its own instances and operator)
            assertTrue(policies.get(database).path("ingress").get(0).toString().contains("\"app.kubernetes.io/name\":\"" + service + "\""), database);
        }
    }

    @Test
    void kafkaIsReplicatedThreeTimesWithTwoInSyncAndTopicsMatchTheCatalogue() {
        JsonNode pool = prod("KafkaNodePool").get(0).path("spec");
        assertEquals(3, pool.path("replicas").asInt());
        assertTrue(pool.path("roles").toString().contains("controller") && pool.path("roles").toString().contains("broker"), "KRaft roles");
        JsonNode kafka = prod("Kafka").get(0);
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertEquals(3, config.path("default.replication.factor").asInt());
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertTrue(kafka.path("spec").path("zookeeper").isMissingNode(), "KRaft: no ZooKeeper");
        Map<String, Integer> topics = new TreeMap<>();
        for (ObjectNode topic : prod("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            topics.put(name, topic.path("spec").path("partitions").asInt());
            assertEquals(3, topic.path("spec").path("replicas").asInt(), name);
            assertEquals(2, topic.path("spec").path("config").path("min.insync.replicas").asInt(), name);
        }
        for (Topic topic : Topic.values()) {
            assertEquals(topic.partitions(), topics.get(topic.topicName()), topic.topicName() + "'s partitions");
        }
        // every dead-letter topic a service's configuration names exists too
        for (String dlq : List.of("referral-events.caseload-service.dlq", "directory-events.caseload-service.dlq", "caseload-events.directory-service.dlq",
                "referral-events.outcomes-service.dlq", "caseload-events.outcomes-service.dlq", "caseload-events.referral-service.dlq",
                "outcome-events.referral-service.dlq")) {
            assertTrue(topics.containsKey(dlq), dlq);
        }
    }

    @Test
    void eachServiceHasItsOwnReplicatedAndBackedUpDatabase() {
        Map<String, JsonNode> clusters = new TreeMap<>();
        prod("Cluster").forEach(c -> clusters.put(c.path("metadata").path("name").asText(), c.path("spec")));
        assertEquals(Set.of("referral-db", "caseload-db", "directory-db", "outcomes-db", "keycloak-db"), clusters.keySet());
        Set<String> scheduled = prod("ScheduledBackup").stream().map(b -> b.path("spec").path("cluster").path("name").asText()).collect(Collectors.toSet());
        clusters.forEach((name, spec) -> {
            String database = name.replace("-db", "");
            assertEquals(database, spec.path("bootstrap").path("initdb").path("database").asText(), name);
            assertEquals(database, spec.path("bootstrap").path("initdb").path("owner").asText(), name);
            assertEquals(3, spec.path("instances").asInt(), name);
            assertFalse(spec.path("backup").path("barmanObjectStore").path("destinationPath").asText().isEmpty(), name + " has no backups");
            assertTrue(scheduled.contains(name), name + " has no scheduled backup");
        });
        // the services read the operator's generated credentials, never a committed value (the gateway and the web app
        // have no database: the web app's secrets come from Secrets too)
        for (ObjectNode deployment : prod("Deployment")) {
            String env = deployment.path("spec").path("template").path("spec").path("containers").get(0).path("env").toString();
            String name = deployment.path("metadata").path("name").asText();
            if (name.equals("web")) {
                assertTrue(env.contains("\"name\":\"web-secrets\"") && !env.contains("SECRET\",\"value\""), env);
            } else if (!name.equals("api-gateway")) {
                String secret = deployment.path("metadata").path("name").asText().replace("-service", "") + "-db-app";
                assertTrue(env.contains("secretKeyRef") && env.contains("\"name\":\"" + secret + "\"") && !env.contains("PASSWORD\",\"value\""), env);
                if (name.equals("referral-service")) {
                    // the keys sealing webhook secrets come from a Secret, never a committed value
                    assertTrue(env.contains("\"name\":\"referral-secrets\"") && !env.contains("SECRET_KEYS\",\"value\""), env);
                }
            }
        }
    }

    @Test
    void keycloakImportsTheRepositorysRealmWithoutDemoUsers() {
        assertEquals(1, prod("Keycloak").size());
        ObjectNode realmImport = prod("KeycloakRealmImport").get(0);
        JsonNode realm = realmImport.path("spec").path("realm");
        assertEquals("social-prescribing", realm.path("realm").asText());
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.has("serviceAccountClientId") && !user.has("credentials"), "a person in the prod realm: " + user.path("username"));
        }
        assertFalse(realm.path("clients").toString().contains("local-demo-cli"));
        RealmImportTest.assertSecretsArePlaceholders(realmImport);
    }
}
