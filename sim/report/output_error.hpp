// A result that cannot be written (a full disk, a read-only mount, no permission, a name too
// long): the file or folder and the system's reason. The cli exits 4 on it.
#pragma once
#include <stdexcept>
#include <string>

namespace corridor::report {

class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The destination exists already: results are never overwritten (the cli's usage error).
class OutputExists : public OutputError {
public:
    using OutputError::OutputError;
};

} // namespace corridor::report
