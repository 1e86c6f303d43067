// Tables and their CSV form: formatted into a buffer with fmt and written in large blocks.
#include "sim/report/table.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iterator>
#include <memory>
#include <stdexcept>

#include "sim/report/output_error.hpp"

namespace corridor::report {

std::uint32_t Categories::code_of(std::string_view name) {
    auto it = index_.find(name);
    if (it == index_.end()) {
        it = index_.emplace(std::string(name), static_cast<std::uint32_t>(names.size())).first;
        names.emplace_back(name);
    }
    return it->second;
}

std::size_t Column::size() const {
    return std::visit(
        [](const auto& v) {
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, Categories>) {
                return v.codes.size();
            } else {
                return v.size();
            }
        },
        values);
}

namespace {

void append_field(std::string& out, std::string_view text) {
    if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// Shortest round-trip text, as "{}" gives it, formatted on the stack with a format compiled once.
void append_number(std::string& out, double x) {
    if (!std::isfinite(x)) return;
    std::array<char, 32> text{};
    const auto* end = fmt::format_to(text.data(), FMT_COMPILE("{}"), x);
    out.append(text.data(), static_cast<std::size_t>(end - text.data()));
}

void append_integer(std::string& out, std::int64_t x) {
    std::array<char, 24> text{};
    const auto* end = fmt::format_to(text.data(), FMT_COMPILE("{}"), x);
    out.append(text.data(), static_cast<std::size_t>(end - text.data()));
}

} // namespace

Table concatenate(const std::vector<Table>& parts) {
    if (parts.empty()) return Table{""};
    Table out{parts.front().name()};
    const auto& first = parts.front().columns();
    for (std::size_t c = 0; c < first.size(); ++c) {
        std::visit(
            [&](const auto& head) {
                using T = std::decay_t<decltype(head)>;
                T* column = nullptr;
                if constexpr (std::is_same_v<T, Column::Numbers>) column = &out.numbers(first[c].name);
                if constexpr (std::is_same_v<T, Column::Integers>) column = &out.integers(first[c].name);
                if constexpr (std::is_same_v<T, Column::Texts>) column = &out.texts(first[c].name);
                if constexpr (std::is_same_v<T, Categories>) column = &out.categories(first[c].name);
                for (const auto& part : parts) {
                    const auto& values = std::get<T>(part.columns()[c].values);
                    if constexpr (std::is_same_v<T, Categories>) {
                        for (const auto code : values.codes) column->push_back(values.names[code]);
                    } else {
                        column->insert(column->end(), values.begin(), values.end());
                    }
                }
            },
            first[c].values);
    }
    return out;
}

CsvFile::CsvFile(std::string path) : path_{std::move(path)}, file_{std::fopen(path_.c_str(), "wb")} {
    if (file_ == nullptr) fail();
    buffer_.reserve(std::size_t{1} << 20U);
}

CsvFile::~CsvFile() {
    if (file_ != nullptr) std::fclose(static_cast<std::FILE*>(file_));
}

void CsvFile::fail() const { throw OutputError("cannot write " + path_ + ": " + std::strerror(errno)); }

void CsvFile::flush() {
    if (buffer_.empty()) return;
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), static_cast<std::FILE*>(file_)) != buffer_.size()) fail();
    buffer_.clear();
}

void CsvFile::close() {
    flush();
    auto* file = static_cast<std::FILE*>(file_);
    file_ = nullptr;
    if (std::fclose(file) != 0) fail();
}

namespace {

void format_rows(std::string& out, const Table& table, bool header, const std::function<void()>& full) {
    const auto& columns = table.columns();
    if (header) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c > 0) out += ',';
            append_field(out, columns[c].name);
        }
        out += '\n';
    }
    // Category names quoted once, not per row.
    std::vector<std::vector<std::string>> quoted(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (const auto* cats = std::get_if<Categories>(&columns[c].values)) {
            for (const auto& name : cats->names) {
                std::string field;
                append_field(field, name);
                quoted[c].push_back(std::move(field));
            }
        }
    }
    const std::size_t rows = table.rows();
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c > 0) out += ',';
            const auto& values = columns[c].values;
            switch (values.index()) {
            case 0: append_number(out, std::get<0>(values)[r]); break;
            case 1: append_integer(out, std::get<1>(values)[r]); break;
            case 2: append_field(out, std::get<2>(values)[r]); break;
            case 3: out += quoted[c][std::get<3>(values).codes[r]]; break;
            default: break;
            }
        }
        out += '\n';
        if (full && out.size() >= (std::size_t{1} << 20U)) full();
    }
}

} // namespace

void CsvFile::append(const Table& table) {
    format_rows(buffer_, table, !header_, [this] { flush(); });
    header_ = true;
}

void CsvFile::append_rows(std::string_view rows) {
    flush();
    header_ = true;
    if (std::fwrite(rows.data(), 1, rows.size(), static_cast<std::FILE*>(file_)) != rows.size()) fail();
}

std::string csv_rows(const Table& table, bool header) {
    std::string out;
    format_rows(out, table, header, {});
    return out;
}

void write_csv(const std::string& path, const Table& table) {
    CsvFile file{path};
    file.append(table);
    file.close();
}

} // namespace corridor::report
