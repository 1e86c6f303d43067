// A result table in memory, column by column: what a CSV file of a run holds, and what the Python
// module hands an analyst as a DataFrame (numbers as float64, integers as int64, categories as
// pandas categoricals).
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace corridor::report {

/// Repeated names (a flow, a resource's kind) kept once each, rows holding a code.
struct Categories {
    std::vector<std::string> names;
    std::vector<std::uint32_t> codes;
    void push_back(std::string_view name) { codes.push_back(code_of(name)); }
    /// The code of `name`, added to `names` if new; push_code() then appends it without a lookup.
    std::uint32_t code_of(std::string_view name);
    void push_code(std::uint32_t code) { codes.push_back(code); }

private:
    std::map<std::string, std::uint32_t, std::less<>> index_;
};

struct Column {
    using Numbers = std::vector<double>;        // NaN: no value, an empty cell
    using Integers = std::vector<std::int64_t>;
    using Texts = std::vector<std::string>;
    std::string name;
    std::variant<Numbers, Integers, Texts, Categories> values;
    [[nodiscard]] std::size_t size() const;
};

class Table {
public:
    explicit Table(std::string name) : name_{std::move(name)} {}
    /// The file's stem: "flows" is flows.csv.
    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] std::size_t rows() const { return columns_.empty() ? 0 : columns_.front().size(); }
    [[nodiscard]] const std::deque<Column>& columns() const { return columns_; }

    // Adds a column; the reference stays valid as more are added.
    Column::Numbers& numbers(std::string name) { return add<Column::Numbers>(std::move(name)); }
    Column::Integers& integers(std::string name) { return add<Column::Integers>(std::move(name)); }
    Column::Texts& texts(std::string name) { return add<Column::Texts>(std::move(name)); }
    Categories& categories(std::string name) { return add<Categories>(std::move(name)); }

private:
    template <class T>
    T& add(std::string name) {
        columns_.push_back(Column{std::move(name), T{}});
        return std::get<T>(columns_.back().values);
    }
    std::string name_;
    std::deque<Column> columns_;
};

/// The rows of `parts` (tables of the same columns, in order) as one table named like the first.
Table concatenate(const std::vector<Table>& parts);

/// RFC 4180 CSV: a header of the column names, then the rows; numbers in the shortest form that
/// reads back to the same double, no value as an empty cell, text quoted where it holds a comma,
/// a quote or a line break. A file can be written from several tables of the same columns in
/// turn (a large one replication by replication). Throws std::runtime_error naming the file and
/// the cause (errno) if it cannot be written.
class CsvFile {
public:
    explicit CsvFile(std::string path);
    ~CsvFile();
    CsvFile(const CsvFile&) = delete;
    CsvFile& operator=(const CsvFile&) = delete;
    /// Appends the table's rows; the first call writes its header.
    void append(const Table& table);
    /// Appends rows formatted by csv_rows() (with the header if this is the first append).
    void append_rows(std::string_view rows);
    /// Flushes and closes; the file is complete only after this.
    void close();

private:
    void flush();
    [[noreturn]] void fail() const;
    std::string path_;
    void* file_; // std::FILE
    std::string buffer_;
    bool header_ = false;
};

/// The table's rows as CSV text, preceded by its header if `header`: what CsvFile::append writes,
/// for formatting parts of a file on several threads.
std::string csv_rows(const Table& table, bool header);

/// One table as one file.
void write_csv(const std::string& path, const Table& table);

} // namespace corridor::report
