#include "sim/cli/huge_page_heap.hpp"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace corridor::cli {
namespace {

constexpr std::string_view kTunable = "glibc.malloc.hugetlb";

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kGlibcHeap = false; // AddressSanitizer brings its own allocator
#elif defined(__GLIBC__) && defined(__linux__)
constexpr bool kGlibcHeap = true;
#else
constexpr bool kGlibcHeap = false;
#endif

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string{} : std::string{value};
}

// The value GLIBC_TUNABLES gives the tunable ("" if it names none). Tunables are
// colon-separated name=value pairs.
std::string tunable_value(const std::string& tunables) {
    std::string value;
    std::istringstream in{tunables};
    for (std::string item; std::getline(in, item, ':');) {
        if (item.size() > kTunable.size() && item.compare(0, kTunable.size(), kTunable) == 0 &&
            item[kTunable.size()] == '=') {
            value = item.substr(kTunable.size() + 1); // the last one wins, as in glibc
        }
    }
    return value;
}

bool transparent_huge_pages_off() {
    std::ifstream in{"/sys/kernel/mm/transparent_hugepage/enabled"};
    std::string modes;
    if (!std::getline(in, modes)) return true; // no such kernel feature here
    return modes.find("[never]") != std::string::npos;
}

} // namespace

void use_huge_page_heap(char** argv) {
    if (!kGlibcHeap) return;
    const std::string tunables = env("GLIBC_TUNABLES");
    if (!tunable_value(tunables).empty() || env("CORRIDOR_HUGE_PAGES") == "0" || transparent_huge_pages_off()) return;
    const std::string wanted = (tunables.empty() ? std::string{} : tunables + ":") + std::string{kTunable} + "=1";
    if (::setenv("GLIBC_TUNABLES", wanted.c_str(), 1) != 0) return;
    // By its own path, not /proc/self/exe: the process keeps its name (ps, top, pgrep).
    std::array<char, 4096> self{};
    const auto length = ::readlink("/proc/self/exe", self.data(), self.size() - 1);
    if (length > 0) ::execv(self.data(), argv); // returns only if it failed: then run as we are
    if (tunables.empty()) {
        ::unsetenv("GLIBC_TUNABLES");
    } else {
        ::setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
    }
}

std::string heap_description() {
    if (!kGlibcHeap) return "the sanitizer's or the platform's allocator";
    const std::string value = tunable_value(env("GLIBC_TUNABLES"));
    if (value == "1") return "transparent huge pages (glibc.malloc.hugetlb=1)";
    if (!value.empty() && value != "0") return "huge pages (glibc.malloc.hugetlb=" + value + ")";
    return "4 KiB pages (glibc's default; see README.md on huge pages)";
}

} // namespace corridor::cli
