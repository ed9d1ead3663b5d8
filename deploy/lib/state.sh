# shellcheck shell=bash
# The state folder of a profile when STACK_HOME is not set, the same for deploy/stack and the scripts that read its
# state (pid files, logs): <repo>/.local/<profile>, or <repo>/.local/<profile>-images when PostgreSQL, Kafka and
# Keycloak run from their images (STACK_INFRA_FROM=images), so neither finds the other's data and markers.
#
#   . deploy/lib/state.sh && STACK_HOME=${STACK_HOME:-$(training_stack_home "$REPO")}
training_stack_home() {
  local profile=${STACK_PROFILE:-dev}
  if [[ ${STACK_INFRA_FROM:-processes} == images ]]; then
    echo "$1/.local/$profile-images"
  else
    echo "$1/.local/$profile"
  fi
}
