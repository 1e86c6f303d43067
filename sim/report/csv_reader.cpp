// Reading corridor's CSV tables back (RFC 4180).
#include "sim/report/detail/csv_reader.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cstring>
#include <deque>

namespace corridor::report::detail {

// The file mapped read-only: a 600 MB shipments.csv is read from the page cache without copies.
MappedFile::MappedFile(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0) {
        size_ = static_cast<std::size_t>(st.st_size);
        ok_ = true;
        if (size_ > 0) {
            void* data = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
            if (data == MAP_FAILED) {
                ok_ = false;
                size_ = 0;
            } else {
                data_ = static_cast<const char*>(data);
                ::madvise(data, size_, MADV_SEQUENTIAL);
            }
        }
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

namespace {

// Splits a quoted record (RFC 4180) starting at `pos` into fields; returns the offset after its
// line break, or nullopt if the record is not whole (an open quote, or no line break before the
// end).
std::optional<std::size_t> split_quoted(std::string_view text, std::size_t pos, std::vector<std::string_view>& fields,
                                        std::deque<std::string>& unescaped) {
    for (;;) {
        if (pos < text.size() && text[pos] == '"') {
            std::string value;
            bool escaped = false;
            std::size_t i = pos + 1;
            for (;; ++i) {
                if (i >= text.size()) return std::nullopt;
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        escaped = true;
                        value += '"';
                        ++i;
                        continue;
                    }
                    break;
                }
                value += text[i];
            }
            if (escaped) {
                unescaped.push_back(std::move(value));
                fields.emplace_back(unescaped.back());
            } else {
                fields.push_back(text.substr(pos + 1, i - pos - 1));
            }
            pos = i + 1;
        } else {
            std::size_t end = pos;
            while (end < text.size() && text[end] != ',' && text[end] != '\n') ++end;
            if (end >= text.size()) return std::nullopt;
            std::string_view field = text.substr(pos, end - pos);
            if (!field.empty() && field.back() == '\r') field.remove_suffix(1);
            fields.push_back(field);
            pos = end;
        }
        if (pos >= text.size()) return std::nullopt;
        if (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
        if (text[pos] == '\n') return pos + 1;
        if (text[pos] != ',') return std::nullopt;
        ++pos;
    }
}

// The record starting at `pos`: most rows have no quote, and are split at commas within the
// line that memchr finds (a scan per character for "," or "\n" was most of a large read).
std::optional<std::size_t> split(std::string_view text, std::size_t pos, std::vector<std::string_view>& fields,
                                 std::deque<std::string>& unescaped) {
    fields.clear();
    unescaped.clear();
    const char* begin = text.data() + pos;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', text.size() - pos));
    if (newline == nullptr) return std::nullopt;
    std::string_view line{begin, static_cast<std::size_t>(newline - begin)};
    if (line.find('"') != std::string_view::npos) return split_quoted(text, pos, fields, unescaped);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t start = 0;
    for (;;) {
        const auto comma = line.find(',', start);
        if (comma == std::string_view::npos) {
            fields.push_back(line.substr(start));
            break;
        }
        fields.push_back(line.substr(start, comma - start));
        start = comma + 1;
    }
    return static_cast<std::size_t>(newline - text.data()) + 1;
}

} // namespace

std::optional<CsvReader> CsvReader::open(const std::filesystem::path& path, std::vector<ResultsProblem>& problems) {
    CsvReader reader;
    reader.path_ = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        problems.push_back({reader.path_, "missing"});
        return std::nullopt;
    }
    reader.file_ = std::make_shared<MappedFile>(path);
    if (!reader.file_->ok()) {
        problems.push_back({reader.path_, "cannot be read"});
        return std::nullopt;
    }
    reader.text_ = reader.file_->text();
    if (reader.text_.empty()) {
        problems.push_back({reader.path_, "empty: no header row"});
        return std::nullopt;
    }
    std::vector<std::string_view> fields;
    std::deque<std::string> unescaped;
    const auto next = split(reader.text_, 0, fields, unescaped);
    if (!next) {
        problems.push_back({reader.path_ + ":1", "truncated header row"});
        return std::nullopt;
    }
    reader.body_ = *next;
    reader.header_.assign(fields.begin(), fields.end());
    return reader;
}

std::optional<std::size_t> CsvReader::column(std::string_view name, std::vector<ResultsProblem>& problems) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
        if (header_[i] == name) return i;
    }
    problems.push_back({path_ + ":1", "no column '" + std::string(name) + "'"});
    return std::nullopt;
}

bool CsvReader::for_each(const std::function<void(std::span<const std::string_view>, std::size_t)>& row,
                         std::vector<ResultsProblem>& problems) const {
    std::vector<std::string_view> fields;
    std::deque<std::string> unescaped;
    std::size_t pos = body_;
    for (std::size_t line = 2; pos < text_.size(); ++line) {
        const auto next = split(text_, pos, fields, unescaped);
        if (!next) {
            problems.push_back({path_ + ":" + std::to_string(line), "truncated row (the file does not end with a whole row)"});
            return false;
        }
        if (fields.size() != header_.size()) {
            problems.push_back({path_ + ":" + std::to_string(line), "row of " + std::to_string(fields.size()) +
                                                                         " fields where the header has " +
                                                                         std::to_string(header_.size())});
            return false;
        }
        row(fields, line);
        pos = *next;
    }
    return true;
}

std::optional<double> parse_number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        throw std::invalid_argument("'" + std::string(text) + "' is not a number");
    }
    return value;
}

} // namespace corridor::report::detail
