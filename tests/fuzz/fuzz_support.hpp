// What the fuzz targets share: a scratch folder with the fixtures a scenario extends, and the
// rule that only an InputError is an acceptable failure.
#pragma once
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace corridor::fuzz {

/// A folder of this process's, holding tests/data/scenarios' tiny model and scenarios (copied
/// from SIM_SOURCE_DIR, or the source tree this was built from), so that fuzzed scenarios can
/// name `model: tiny_model.yaml` or `extends: tiny.yaml`.
inline const std::filesystem::path& scratch() {
    static const std::filesystem::path folder = [] {
        const char* env = std::getenv("SIM_SOURCE_DIR");
        const std::filesystem::path source = env != nullptr ? env : CORRIDOR_SOURCE_DIR;
        auto dir = std::filesystem::temp_directory_path() / ("corridor_fuzz_" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        for (const char* name : {"tiny_model.yaml", "tiny.yaml", "tiny_storms.yaml", "tiny_od.yaml"}) {
            std::filesystem::copy_file(source / "tests/data/scenarios" / name, dir / name,
                                       std::filesystem::copy_options::overwrite_existing);
        }
        return dir;
    }();
    return folder;
}

/// Writes `data` to `name` in the scratch folder and returns its path.
inline std::string write_input(const std::uint8_t* data, std::size_t size, const char* name) {
    const auto path = scratch() / name;
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path.string();
}

} // namespace corridor::fuzz
