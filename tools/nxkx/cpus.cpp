// How many threads the command checks on by default: the CPUs this process may run on.
#include <sched.h>

#include <algorithm>
#include <thread>

#include "cli.hpp"

namespace nxkx::cli {

unsigned available_cpus() noexcept {
#ifdef __linux__
  // The affinity mask, not the machine: `taskset -c 0`, a container's cpuset or a batch
  // scheduler may give this process fewer CPUs than the machine has.
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<unsigned>(n);
  }
#endif
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace nxkx::cli
