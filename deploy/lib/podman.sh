# shellcheck shell=bash
# Podman for the container images and deploy/containers: installs it (Debian's podman with runc) and its
# configuration when missing, as .ci/run installs Chromium. Facts checked on our machines: the default runtime crun
# fails on setrlimit and on hybrid cgroups; runc with explicit default ulimits works.
#
#   . deploy/lib/podman.sh && training_podman_ready || exit 1

training_podman_ready() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  command -v runc >/dev/null || [[ -x /usr/sbin/runc ]] || missing+=(runc)
  command -v debootstrap >/dev/null || [[ -x /usr/sbin/debootstrap ]] || missing+=(debootstrap)
  # the pause process of a pod's infra container (podman kube play, deploy/k8s/play), built locally without a registry
  command -v catatonit >/dev/null || missing+=(catatonit)
  if ((${#missing[@]})); then
    if [[ $(id -u) != 0 ]]; then
      echo "podman: ${missing[*]} missing; install them (apt-get install podman runc debootstrap catatonit) or run as root" >&2
      return 1
    fi
    echo "podman: installing ${missing[*]} (Debian packages)" >&2
    apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" uidmap \
        slirp4netns fuse-overlayfs >/dev/null || return 1
  fi
  local conf=/etc/containers/containers.conf
  if ! grep -qs '^runtime *= *"runc"' "$conf"; then
    if [[ $(id -u) != 0 ]]; then
      echo "podman: $conf must set runtime=\"runc\" (run once as root)" >&2
      return 1
    fi
    mkdir -p /etc/containers
    [[ ! -e $conf ]] || cp "$conf" "$conf.before-training"
    cat >"$conf" <<'CONF'
# Written by the training project's deploy/lib/podman.sh: crun fails here on setrlimit and on hybrid cgroups.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
CONF
    echo "podman: wrote $conf (runtime runc)" >&2
  fi
}
