# shellcheck shell=sh
# Finds a JDK >= 21 and exports JAVA_HOME and PATH for it.
#
#   . deploy/lib/jdk.sh && training_find_jdk || exit 1
#
# Order: JAVA_HOME if it is a JDK >= 21; otherwise the newest JDK >= 21 among
# /usr/lib/jvm/*, /opt/java/*, /opt/jdk*, ~/.sdkman/candidates/java/*,
# /Library/Java/JavaVirtualMachines/*/Contents/Home and the `java` on PATH.
#
# Written in POSIX sh so that both bash scripts and the sh-based Maven wrapper
# (which runs with `set -euf`) can source it. Set TRAINING_MIN_JAVA to require
# another minimum version.

# Prints the major version of the JDK at $1 (21, 25, ...) or nothing when $1 is
# not a usable JDK (a JDK has javac; a bare JRE is not enough for our tools).
_training_jdk_major() {
  _tjm_home=$1
  [ -x "$_tjm_home/bin/java" ] && [ -x "$_tjm_home/bin/javac" ] || return 0
  _tjm_ver=
  if [ -r "$_tjm_home/release" ]; then
    _tjm_ver=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$_tjm_home/release" | head -n 1)
  fi
  if [ -z "$_tjm_ver" ]; then
    _tjm_ver=$("$_tjm_home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case $_tjm_ver in
    1.*) _tjm_ver=${_tjm_ver#1.} ;;
  esac
  _tjm_ver=${_tjm_ver%%[!0-9]*}
  [ -n "$_tjm_ver" ] && printf '%s\n' "$_tjm_ver"
  return 0
}

training_find_jdk() {
  _tfj_min=${TRAINING_MIN_JAVA:-21}
  _tfj_best=
  _tfj_best_ver=0

  if [ -n "${JAVA_HOME:-}" ]; then
    _tfj_ver=$(_training_jdk_major "$JAVA_HOME")
    if [ -n "$_tfj_ver" ] && [ "$_tfj_ver" -ge "$_tfj_min" ]; then
      _tfj_best=$JAVA_HOME
      _tfj_best_ver=$_tfj_ver
    fi
  fi

  if [ -z "$_tfj_best" ]; then
    # Callers may run with `set -f` (mvnw does): globbing is needed here.
    _tfj_noglob=
    case $- in *f*) _tfj_noglob=1; set +f ;; esac
    _tfj_path_java=
    if command -v java >/dev/null 2>&1; then
      _tfj_path_java=$(command -v java)
      _tfj_path_java=$(readlink -f "$_tfj_path_java" 2>/dev/null || printf '%s' "$_tfj_path_java")
      _tfj_path_java=${_tfj_path_java%/bin/java}
    fi
    for _tfj_home in /usr/lib/jvm/* /opt/java/* /opt/jdk* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* \
        /Library/Java/JavaVirtualMachines/*/Contents/Home "$_tfj_path_java"; do
      [ -d "$_tfj_home" ] || continue
      _tfj_ver=$(_training_jdk_major "$_tfj_home")
      [ -n "$_tfj_ver" ] || continue
      if [ "$_tfj_ver" -ge "$_tfj_min" ] && [ "$_tfj_ver" -gt "$_tfj_best_ver" ]; then
        _tfj_best=$_tfj_home
        _tfj_best_ver=$_tfj_ver
      fi
    done
    [ -z "$_tfj_noglob" ] || set -f
  fi

  if [ -z "$_tfj_best" ]; then
    echo "No JDK $_tfj_min or newer found. Install one (e.g. apt-get install openjdk-21-jdk or Temurin) or set JAVA_HOME." >&2
    unset _tfj_min _tfj_best _tfj_best_ver _tfj_ver _tfj_home _tfj_noglob _tfj_path_java
    return 1
  fi

  JAVA_HOME=$_tfj_best
  case ":$PATH:" in
    "$JAVA_HOME/bin:"*) ;;
    *) PATH="$JAVA_HOME/bin:$PATH" ;;
  esac
  export JAVA_HOME PATH
  unset _tfj_min _tfj_best _tfj_best_ver _tfj_ver _tfj_home _tfj_noglob _tfj_path_java
  return 0
}
