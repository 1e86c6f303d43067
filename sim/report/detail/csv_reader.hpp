// Reading back the CSV tables corridor writes (RFC 4180), for `corridor report`: a row at a time
// with views into the file's text, so that a large shipments.csv is not copied field by field.
// A file that is not whole (a row with too few or too many fields, an open quote, no final line
// break) is a ResultsProblem naming the file and line.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::report::detail {

/// A results file that is missing, truncated or not what corridor writes.
struct ResultsProblem {
    std::string where; // "DIR/flows.csv:12" or "DIR/flows.csv"
    std::string what;
};

/// A file mapped read-only into memory.
class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] std::string_view text() const { return {data_ == nullptr ? "" : data_, size_}; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    bool ok_ = false;
};

class CsvReader {
public:
    /// Reads the file and its header row; returns nullopt after noting a problem.
    static std::optional<CsvReader> open(const std::filesystem::path& path, std::vector<ResultsProblem>& problems);

    [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
    /// The column's index, or nullopt after noting that the header lacks it.
    std::optional<std::size_t> column(std::string_view name, std::vector<ResultsProblem>& problems) const;

    /// Calls `row` for each data row (fields in header order; `line` from 2). Stops at the first
    /// malformed row and notes it. Returns whether every row was whole.
    bool for_each(const std::function<void(std::span<const std::string_view> fields, std::size_t line)>& row,
                  std::vector<ResultsProblem>& problems) const;

private:
    std::string path_;
    std::shared_ptr<const MappedFile> file_;
    std::string_view text_; // the mapped file's text

    std::size_t body_ = 0; // offset of the first data row
    std::vector<std::string> header_;
};

/// A number as corridor writes it; nullopt for an empty cell. Throws std::invalid_argument otherwise.
std::optional<double> parse_number(std::string_view text);

} // namespace corridor::report::detail
