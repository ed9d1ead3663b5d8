// Validates rendered Kubernetes manifests (multi-document YAML files given as arguments), offline:
// 1. every object of a built-in kind against the Kubernetes schemas (npm kubernetes-models: types, required fields,
//    enums, formats);
// 2. every custom resource against its operator's CRD schema kept in deploy/k8s/crds (Ajv, openAPIV3Schema of the
//    served version), stricter than the API server: a field the schema does not know is an error, not pruned silently;
// 3. what must hold across objects for this system: each workload has at least two replicas, a PodDisruptionBudget, a
//    HorizontalPodAutoscaler (min >= 2), startup/liveness/readiness probes on the health endpoints, resource requests
//    and a memory limit, a non-root read-only container; every Secret and ConfigMap a pod names exists (or is made by
//    an operator or the province: listed below); Services select pods; each event topic has at least as many
//    partitions as its consumers may have replicas; a default-deny NetworkPolicy exists.
// Prints one line per error and a summary; exits 1 on any error.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const crdDir = join(here, "../crds");
const errors = [];
const warnings = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);
// Fields newer than the CRD schema kept in deploy/k8s/crds (the Keycloak operator's CRDs there are those of 26.0.0,
// the realm is Keycloak 26.4's): warned, not failed. An operator whose CRD lacks them would drop them from the import
// (docs/deployment.md: install the operator of the Keycloak version the project runs).
const NEWER_THAN_CRD = new Set(["KeycloakRealmImport /spec/realm bruteForceStrategy"]);

// ---- CRD schemas
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
addFormats(ajv);
for (const f of ["int32", "int64", "byte", "double", "float", "quantity"]) ajv.addFormat(f, true);

/** An openAPIV3Schema as JSON Schema: nullable, int-or-string, unknown fields refused unless preserved. */
function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-kubernetes-") || key === "nullable" || key === "description") continue;
    if (key === "properties" || key === "patternProperties" || key === "definitions") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else if (typeof value === "object") {
      out[key] = toJsonSchema(value);
    } else {
      out[key] = value;
    }
  }
  if (schema["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (schema.nullable && typeof out.type === "string") out.type = [out.type, "null"];
  if (out.properties && out.additionalProperties === undefined && !schema["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  return out;
}

const crdValidators = new Map(); // "group/version/Kind" -> validate function
for (const file of readdirSync(crdDir).filter((f) => f.endsWith(".yaml"))) {
  for (const crd of YAML.parseAllDocuments(readFileSync(join(crdDir, file), "utf8")).map((d) => d.toJS())) {
    if (crd?.kind !== "CustomResourceDefinition") continue;
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      const schema = toJsonSchema(version.schema.openAPIV3Schema);
      // apiVersion, kind and metadata (ObjectMeta) are the API server's, whether the CRD describes them or not
      if (schema.properties) Object.assign(schema.properties, { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" } });
      crdValidators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(schema));
    }
  }
}

// ---- Kubernetes schemas (kubernetes-models)
async function builtInModel(apiVersion, kind) {
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind];
  } catch {
    return null;
  }
}

// ---- read the manifests
const objects = [];
for (const file of process.argv.slice(2)) {
  const docs = YAML.parseAllDocuments(readFileSync(file, "utf8"));
  for (const doc of docs) {
    if (doc.errors.length) fail(file, `YAML: ${doc.errors[0].message}`);
    const obj = doc.toJS();
    if (obj) objects.push({ file, obj });
  }
}
if (!objects.length) fail("input", "no objects");

const dns1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
for (const { file, obj } of objects) {
  const where = `${file}: ${obj.kind}/${obj.metadata?.name}`;
  if (!obj.apiVersion || !obj.kind || !obj.metadata?.name) {
    fail(where, "apiVersion, kind and metadata.name are required");
    continue;
  }
  if (!dns1123.test(obj.metadata.name) || obj.metadata.name.length > 253) fail(where, "name is not a DNS-1123 name");
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  const custom = crdValidators.get(`${group}/${version}/${obj.kind}`);
  if (custom) {
    if (!custom(obj)) {
      for (const e of custom.errors) {
        const message = `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`;
        if (NEWER_THAN_CRD.has(`${obj.kind} ${e.instancePath} ${e.params?.additionalProperty}`)) warnings.push(`${where}: ${message}`);
        else fail(where, message);
      }
    }
    continue;
  }
  const Model = await builtInModel(obj.apiVersion, obj.kind);
  if (!Model) {
    fail(where, `no schema for ${obj.apiVersion} ${obj.kind} (neither Kubernetes nor a CRD in deploy/k8s/crds)`);
    continue;
  }
  try {
    new Model(obj).validate();
  } catch (e) {
    fail(where, e.message.split("\n").slice(0, 5).join("; "));
  }
}

// ---- the system's own rules
const byKind = (kind) => objects.map((o) => o.obj).filter((o) => o.kind === kind);
const named = (kind) => new Set(byKind(kind).map((o) => o.metadata.name));
const secrets = named("Secret");
const configMaps = named("ConfigMap");
// Secrets made by the operators (Strimzi: one per KafkaUser, the cluster CA) or by the province (TLS certificates)
for (const user of byKind("KafkaUser")) secrets.add(user.metadata.name);
for (const kafka of byKind("Kafka")) secrets.add(`${kafka.metadata.name}-cluster-ca-cert`);
for (const ingress of byKind("Ingress")) for (const tls of ingress.spec.tls ?? []) secrets.add(tls.secretName);

const deployments = byKind("Deployment");
const hpas = byKind("HorizontalPodAutoscaler");
const pdbs = byKind("PodDisruptionBudget");
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

function checkPodRefs(where, podSpec) {
  for (const c of [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])]) {
    for (const from of c.envFrom ?? []) {
      if (from.configMapRef && !configMaps.has(from.configMapRef.name)) fail(where, `ConfigMap ${from.configMapRef.name} does not exist`);
      if (from.secretRef && !secrets.has(from.secretRef.name)) fail(where, `Secret ${from.secretRef.name} does not exist`);
    }
    for (const env of c.env ?? []) {
      const s = env.valueFrom?.secretKeyRef;
      if (s && !secrets.has(s.name)) fail(where, `Secret ${s.name} (env ${env.name}) does not exist`);
      const m = env.valueFrom?.configMapKeyRef;
      if (m && !configMaps.has(m.name)) fail(where, `ConfigMap ${m.name} (env ${env.name}) does not exist`);
    }
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true) fail(where, `container ${c.name}: root file system not read-only`);
    if (sc.allowPrivilegeEscalation !== false) fail(where, `container ${c.name}: privilege escalation allowed`);
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) {
      fail(where, `container ${c.name}: needs cpu and memory requests and a memory limit`);
    }
  }
  for (const v of podSpec.volumes ?? []) {
    if (v.secret && !secrets.has(v.secret.secretName)) fail(where, `Secret ${v.secret.secretName} (volume ${v.name}) does not exist`);
    if (v.configMap && !configMaps.has(v.configMap.name)) fail(where, `ConfigMap ${v.configMap.name} (volume ${v.name}) does not exist`);
  }
  if (podSpec.securityContext?.runAsNonRoot !== true) fail(where, "pod may run as root (runAsNonRoot)");
}

for (const d of deployments) {
  const where = `Deployment/${d.metadata.name}`;
  const pod = d.spec.template;
  if (!matches(d.spec.selector.matchLabels, pod.metadata.labels)) fail(where, "selector does not match its pods");
  if ((d.spec.replicas ?? 1) < 2) fail(where, "fewer than 2 replicas");
  checkPodRefs(where, pod.spec);
  for (const c of pod.spec.containers) {
    for (const [probe, path] of [["startupProbe", "/q/health/started"], ["livenessProbe", "/q/health/live"], ["readinessProbe", "/q/health/ready"]]) {
      if (c[probe]?.httpGet?.path !== path) fail(where, `container ${c.name}: ${probe} is not GET ${path}`);
    }
  }
  const hpa = hpas.find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === d.metadata.name);
  if (!hpa) fail(where, "no HorizontalPodAutoscaler");
  else if ((hpa.spec.minReplicas ?? 1) < 2) fail(where, "its HorizontalPodAutoscaler allows fewer than 2 replicas");
  if (!pdbs.some((p) => matches(p.spec.selector.matchLabels, pod.metadata.labels))) fail(where, "no PodDisruptionBudget");
}
for (const j of byKind("Job")) checkPodRefs(`Job/${j.metadata.name}`, j.spec.template.spec);
for (const h of hpas) {
  if (!deployments.some((d) => d.metadata.name === h.spec.scaleTargetRef.name)) fail(`HorizontalPodAutoscaler/${h.metadata.name}`, "targets no Deployment");
}
for (const p of pdbs) {
  if (!deployments.some((d) => matches(p.spec.selector.matchLabels, d.spec.template.metadata.labels))) fail(`PodDisruptionBudget/${p.metadata.name}`, "selects no pods");
}
for (const s of byKind("Service")) {
  if (!deployments.some((d) => matches(s.spec.selector, d.spec.template.metadata.labels))) fail(`Service/${s.metadata.name}`, "selects no pods");
}
// Consumers of a topic may have as many replicas as their autoscaler allows; each needs a partition to do work.
const maxReplicas = Math.max(0, ...hpas.filter((h) => h.metadata.name !== "gateway").map((h) => h.spec.maxReplicas));
for (const t of byKind("KafkaTopic").filter((t) => !t.spec.topicName?.endsWith(".dlt"))) {
  if ((t.spec.partitions ?? 1) < maxReplicas) fail(`KafkaTopic/${t.metadata.name}`, `${t.spec.partitions} partitions for up to ${maxReplicas} consumer replicas`);
}
// Each Kafka client's credentials come from its KafkaUser
for (const d of [...deployments, ...byKind("Job")]) {
  for (const c of d.spec.template.spec.containers) {
    const jaas = (c.env ?? []).find((e) => e.name === "KAFKA_SASL_JAAS_CONFIG");
    if (jaas && !byKind("KafkaUser").some((u) => u.metadata.name === jaas.valueFrom?.secretKeyRef?.name)) {
      fail(`${d.kind}/${d.metadata.name}`, "KAFKA_SASL_JAAS_CONFIG from a Secret that is no KafkaUser's");
    }
  }
}
if (!byKind("NetworkPolicy").some((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && (p.spec.ingress ?? []).length === 0)) {
  fail("NetworkPolicy", "no default-deny policy for the namespace");
}

const kinds = {};
for (const { obj } of objects) kinds[obj.kind] = (kinds[obj.kind] ?? 0) + 1;
for (const w of new Set(warnings)) console.log(`WARNING ${w} (newer than the CRD kept in deploy/k8s/crds)`);
for (const e of errors) console.log(`ERROR ${e}`);
console.log(`validate: ${objects.length} objects (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")}), `
  + `${crdValidators.size} CRD schemas, ${errors.length} errors`);
process.exit(errors.length ? 1 : 0);
