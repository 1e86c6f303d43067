// main() for the benchmarks that measure simulate() as `corridor` runs it: on the same heap
// (sim/cli/huge_page_heap.hpp), which the output's context names. CORRIDOR_HUGE_PAGES=0 measures
// the plain heap.
#include <benchmark/benchmark.h>

#include "sim/cli/huge_page_heap.hpp"

int main(int argc, char** argv) {
    corridor::cli::use_huge_page_heap(argv);
    benchmark::AddCustomContext("heap", corridor::cli::heap_description());
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
