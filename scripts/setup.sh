# Shared by scripts/demo, scripts/test and scripts/fuzz (sourced, not run): installs the Debian 12
# packages the build needs when run as root, then configures and builds build/ (Release).
packages=(cmake g++ make libboost-graph-dev libeigen3-dev libtbb-dev nlohmann-json3-dev
          doctest-dev gnuplot-nox graphviz libbenchmark-dev libopenmpi-dev openmpi-bin
          pybind11-dev python3-dev python3-numpy python3-pytest
          # optional for the Python package, used by its examples and tests when present
          python3-networkx python3-pandas python3-tqdm python3-matplotlib python3-nbconvert python3-ipykernel)
# A script that needs more (scripts/fuzz: clang) lists them in extra_packages before
# sourcing this file.
packages+=(${extra_packages[@]+"${extra_packages[@]}"})

install_missing_packages() {
  if ! command -v dpkg >/dev/null 2>&1; then
    echo "dpkg not found: not a Debian system, so the packages are not checked" >&2
    return
  fi
  local missing=() p status
  for p in "${packages[@]}"; do
    status="$(dpkg -s "$p" 2>/dev/null || true)"
    [[ $status == *"Status: install ok installed"* ]] || missing+=("$p")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then return; fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing packages: ${missing[*]}" >&2
    echo "install them as root, then run this again:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
}

# Configures build/ in Release and builds the given targets (all when none are given).
build_release() {
  cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release
  cmake --build "$root/build" -j"$(nproc)" "$@"
}

install_missing_packages
