// Runs one command and appends its wall time and peak memory to a file, for run-benchmarks:
//   bench_spawn RESULTS COMMAND [ARGS...]
// appends "<wall microseconds> <peak RSS in KiB> <processor microseconds>" (user and system time
// of all its threads) and exits with the command's status. Timed from
// just before the command is spawned to when it has been reaped, so a measurement carries no
// shell or GNU time start-up of its own (2.4 ms here, the same on both sides of a pair, which
// made every ratio look smaller than it is).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

int main(int argc, char *argv[])
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_spawn RESULTS COMMAND [ARGS...]\n");
        return 2;
    }
    timespec start{}, end{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t child = 0;
    const int spawned = posix_spawnp(&child, argv[2], nullptr, nullptr, argv + 2, environ);
    if (spawned != 0) {
        std::fprintf(stderr, "bench_spawn: cannot run %s: %s\n", argv[2], std::strerror(spawned));
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
    const long long micros = (end.tv_sec - start.tv_sec) * 1000000LL + (end.tv_nsec - start.tv_nsec) / 1000;
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
