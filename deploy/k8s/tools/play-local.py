#!/usr/bin/env python3
"""Turns a rendered overlay (kubectl kustomize) into what `podman kube play` can run on one machine, against the
local infrastructure of deploy/stack (PostgreSQL, Kafka, Keycloak, mail, national registry on 127.0.0.1):

  play-local.py RENDERED.yaml OUT_DIR      (the ports and settings from the environment: deploy/stack env + ports)

writes OUT_DIR/migrate.yaml (each migration Job as a Pod that runs once) and OUT_DIR/services.yaml (the ConfigMaps
and the Deployments), and prints what it dropped. Kept as rendered: the images' names (pointed at
localhost/training/<name>:latest), the container's command, envFrom ConfigMaps, env, securityContext (non-root user,
read-only root file system, no capabilities), resources (memory limits), emptyDir volumes. Changed for one machine:
- every pod on the host's network (no Services here), each on the stack's ports for it (http and management; the
  containers' port lists removed: podman refuses port mappings on the host's network);
- one replica per Deployment (podman runs one pod per Deployment);
- secretKeyRef values: the dev values of deploy/stack (podman reads no Secret from YAML), the Kafka CA volume
  dropped and Kafka in plain text (Strimzi's TLS and SCRAM users do not exist locally);
- probes removed (podman turns a liveness probe into a healthcheck run by curl inside the image, which has no curl):
  deploy/k8s/play polls the same endpoints from outside.
"""
import os
import sys

import yaml

rendered, out = sys.argv[1], sys.argv[2]
E = os.environ
docs = [d for d in yaml.safe_load_all(open(rendered)) if d]
dropped = {}

SERVICES = {  # name: (port var, management port var, database)
    "personnel-service": ("PERSONNEL_PORT", "PERSONNEL_MANAGEMENT_PORT", "personnel"),
    "course-service": ("COURSE_PORT", "COURSE_MANAGEMENT_PORT", "course"),
    "enrolment-service": ("ENROLMENT_PORT", "ENROLMENT_MANAGEMENT_PORT", "enrolment"),
    "reporting-service": ("REPORTING_PORT", "REPORTING_MANAGEMENT_PORT", "reporting"),
    "gateway": ("GATEWAY_PORT", "GATEWAY_MANAGEMENT_PORT", None),
}
keycloak = f"http://127.0.0.1:{E['KEYCLOAK_PORT']}"
realm = E.get("REALM", "training")

# the dev values deploy/stack gives the images (deploy/keycloak/training-realm.json)
def secret_value(service, db, name):
    values = {
        "QUARKUS_DATASOURCE_USERNAME": db,
        "QUARKUS_DATASOURCE_PASSWORD": f"{db}-dev" if db else None,
        "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET": "provisioning-dev-secret",
        "TRAINING_NATIONAL_SYNC_CLIENT_SECRET": "national-sync-dev-secret",
        "GATEWAY_CLIENT_SECRET": "gateway-dev-secret",
        "GATEWAY_STATE_SECRET": "dev-only-state-secret-change-me-0123456789abcdef",
        "GATEWAY_SESSION_SECRET": "dev-only-session-secret-change-me-0123456789abcdef",
        "QUARKUS_MAILER_HOST": "127.0.0.1",
        "QUARKUS_MAILER_PORT": E["MAIL_SMTP_PORT"],
        "QUARKUS_MAILER_FROM": "khong-tra-loi@daotao.local",
        "QUARKUS_MAILER_USERNAME": None,
        "QUARKUS_MAILER_PASSWORD": None,
        "KAFKA_SASL_JAAS_CONFIG": None,
    }
    if name not in values:
        sys.exit(f"play: no local value for the secret variable {name} of {service}")
    return values[name]

def local_config(cm):
    d = cm["data"]
    if cm["metadata"]["name"] == "training-config":
        # set per pod below: podman 4.3 lets envFrom win over env, so the ConfigMap must not carry them
        for k in ("QUARKUS_HTTP_HOST", "QUARKUS_HTTP_PORT", "QUARKUS_MANAGEMENT_PORT"):
            d.pop(k, None)
        for k in [k for k in d if k.startswith(("KAFKA_SASL", "KAFKA_SSL"))]:
            del d[k]
        d.update({
            "KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{E['KAFKA_PORT']}",
            "KAFKA_SECURITY_PROTOCOL": "PLAINTEXT",
            "QUARKUS_OIDC_AUTH_SERVER_URL": f"{keycloak}/realms/{realm}",
            "TRAINING_KEYCLOAK_URL": keycloak,
            "TRAINING_NATIONAL_SYNC_ENDPOINT": f"http://127.0.0.1:{E['NATIONAL_REGISTRY_PORT']}",
            "TRAINING_NATIONAL_SYNC_TOKEN_URL": f"{keycloak}/realms/{realm}/protocol/openid-connect/token",
            "QUARKUS_OTEL_TRACES_SAMPLER_ARG": "0",
        })
    elif cm["metadata"]["name"] == "training-gateway-config":
        for svc in ("personnel", "course", "enrolment", "reporting"):
            d[f"{svc.upper()}_URL"] = f"http://127.0.0.1:{E[svc.upper() + '_PORT']}"
            d[f"{svc.upper()}_MANAGEMENT_URL"] = f"http://127.0.0.1:{E[svc.upper() + '_MANAGEMENT_PORT']}"
        d["GATEWAY_SECURE_COOKIES"] = "false"
        d["GATEWAY_PUBLIC_URL"] = f"http://127.0.0.1:{E['GATEWAY_PORT']}"
        d["GATEWAY_TRUSTED_PROXIES"] = "127.0.0.1/32"
    return cm

def local_pod_spec(service, spec, ports):
    db = SERVICES[service][2]
    spec["hostNetwork"] = True
    for k in ("serviceAccountName", "topologySpreadConstraints", "automountServiceAccountToken", "enableServiceLinks"):
        spec.pop(k, None)
    spec["volumes"] = [v for v in spec.get("volumes", []) if "secret" not in v]
    kept_volumes = {v["name"] for v in spec["volumes"]}
    for c in spec["containers"]:
        image = c["image"].rsplit("/", 1)[-1].split(":")[0]
        c["image"] = f"localhost/training/{image}:latest"
        c["imagePullPolicy"] = "Never"
        env = []
        for e in c.get("env", []):
            if "valueFrom" in e:
                ref = e["valueFrom"]
                if "fieldRef" in ref:
                    sys.exit(f"play: {service} uses fieldRef ({e['name']}), which podman kube play does not run")
                value = secret_value(service, db, e["name"])
                if value is not None:
                    env.append({"name": e["name"], "value": value})
            elif e["name"] == "QUARKUS_DATASOURCE_JDBC_URL":
                env.append({"name": e["name"], "value": f"jdbc:postgresql://127.0.0.1:{E['POSTGRES_PORT']}/{db}"})
            elif e["name"] == "QUARKUS_MAILER_START_TLS":  # the local mail server (GreenMail) has no TLS
                env.append({"name": e["name"], "value": "DISABLED"})
            elif e["name"] == "QUARKUS_MANAGEMENT_HOST":
                env.append({"name": e["name"], "value": "127.0.0.1"})
            else:
                env.append(e)
        if ports:
            http, management = ports
            env += [{"name": "QUARKUS_HTTP_HOST", "value": "127.0.0.1"},
                    {"name": "QUARKUS_HTTP_PORT", "value": http},
                    {"name": "QUARKUS_MANAGEMENT_PORT", "value": management}]
        # a machine shared with other builds: wait longer for a database connection than the default 5 s
        env.append({"name": "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "value": "60S"})
        # no port list: on the host's network podman refuses port mappings (the ports are the env's)
        c.pop("ports", None)
        if service == "personnel-service" and E.get("STACK_PROFILE") == "test":
            env.append({"name": "TRAINING_NATIONAL_SYNC_SETTABLE_CLOCK", "value": "true"})
        if service == "reporting-service":
            env.append({"name": "TRAINING_WEBHOOKS_ALLOW_LOOPBACK", "value": "true"})
        c["env"] = env
        c["volumeMounts"] = [m for m in c.get("volumeMounts", []) if m["name"] in kept_volumes]
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            c.pop(probe, None)
    return spec

configs, deployments, migrations = [], [], []
for d in docs:
    kind, name = d["kind"], d["metadata"]["name"]
    if kind == "ConfigMap":
        d["metadata"].pop("namespace", None)
        configs.append(local_config(d))
    elif kind == "Deployment" and name in SERVICES:
        port_var, mgmt_var, _ = SERVICES[name]
        d["metadata"].pop("namespace", None)
        d["spec"]["replicas"] = 1
        d["spec"].pop("strategy", None)
        local_pod_spec(name, d["spec"]["template"]["spec"], (E[port_var], E[mgmt_var]))
        deployments.append(d)
    elif kind == "Job" and name.endswith("-migrate"):
        service = name[: -len("-migrate")]
        spec = d["spec"]["template"]["spec"]
        spec["restartPolicy"] = "Never"
        local_pod_spec(service, spec, None)
        migrations.append({"apiVersion": "v1", "kind": "Pod",
                           "metadata": {"name": name, "labels": d["spec"]["template"]["metadata"].get("labels", {})},
                           "spec": spec})
    else:
        dropped[kind] = dropped.get(kind, 0) + 1

os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "migrate.yaml"), "w") as f:
    yaml.safe_dump_all(configs + migrations, f, sort_keys=False)
with open(os.path.join(out, "services.yaml"), "w") as f:
    yaml.safe_dump_all(configs + deployments, f, sort_keys=False)
print("kept: %d ConfigMaps, %d Deployments, %d migration Jobs (as Pods)" % (len(configs), len(deployments), len(migrations)))
print("dropped (podman kube play cannot run them): " + ", ".join(f"{n} {k}" for k, n in sorted(dropped.items())))
