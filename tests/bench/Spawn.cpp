// Runs one command and appends its wall time and peak memory to a file, for run-benchmarks:
//   bench_spawn RESULTS [--probe LIBRARY] COMMAND [ARGS...]
// appends "<wall microseconds> <peak RSS in KiB> <processor microseconds>" (user and system time
// of all its threads) and exits with the command's status. Timed from just before the command is
// spawned to when it has been reaped, so a measurement carries no shell start-up of its own.
// --probe loads LIBRARY into the command (LD_PRELOAD) and tells it when it was spawned
// (BENCH_SPAWN_NS, CLOCK_MONOTONIC nanoseconds), for the probe's own timings.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char **environ;

namespace {
long long nanoseconds(const timespec &t)
{
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}
} // namespace

int main(int argc, char *argv[])
{
    int command = 2;
    const char *probe = nullptr;
    if (argc > 3 && std::strcmp(argv[2], "--probe") == 0) {
        probe = argv[3];
        command = 4;
    }
    if (argc <= command) {
        std::fprintf(stderr, "usage: bench_spawn RESULTS [--probe LIBRARY] COMMAND [ARGS...]\n");
        return 2;
    }
    std::vector<std::string> added;
    std::vector<char *> environment;
    for (char **variable = environ; *variable; ++variable) {
        if (!probe || (std::strncmp(*variable, "LD_PRELOAD=", 11) != 0 &&
                       std::strncmp(*variable, "BENCH_SPAWN_NS=", 15) != 0))
            environment.push_back(*variable);
    }
    timespec start{}, end{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    if (probe) {
        added = {std::string("LD_PRELOAD=") + probe, "BENCH_SPAWN_NS=" + std::to_string(nanoseconds(start))};
        for (std::string &variable : added)
            environment.push_back(variable.data());
    }
    environment.push_back(nullptr);
    pid_t child = 0;
    const int spawned =
        posix_spawnp(&child, argv[command], nullptr, nullptr, argv + command, environment.data());
    if (spawned != 0) {
        std::fprintf(stderr, "bench_spawn: cannot run %s: %s\n", argv[command], std::strerror(spawned));
        return 127;
    }
    int status = 0;
    rusage usage{};
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::perror("bench_spawn: wait4");
            return 127;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    const long long micros = (nanoseconds(end) - nanoseconds(start)) / 1000;
    std::FILE *results = std::fopen(argv[1], "a");
    const long long cpuMicros = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL +
                                usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
    if (!results || std::fprintf(results, "%lld %ld %lld\n", micros, usage.ru_maxrss, cpuMicros) < 0 ||
        std::fclose(results) != 0) {
        std::fprintf(stderr, "bench_spawn: cannot append to %s\n", argv[1]);
        return 127;
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
