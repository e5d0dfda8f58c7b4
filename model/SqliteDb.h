// A thin RAII layer over the SQLite C API for the project store: statements
// that finalise themselves and errors returned as text, not thrown.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>

namespace sw::sqlite {

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    Statement& bind(int i, std::string_view text);
    Statement& bind(int i, double value);
    Statement& bind(int i, std::int64_t value);
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    void reset();
    std::string text(int col) const;
    // The column's text without a copy; valid until the next step or reset.
    std::string_view view(int col) const;
    double real(int col) const;
    std::int64_t integer(int col) const;

private:
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    Database() = default;
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens with the defensive settings for files from elsewhere.
    std::optional<std::string> open(const std::string& path, int flags);
    sqlite3* handle() const { return db_; }
    // Runs one or more statements; the error text or nothing.
    std::optional<std::string> exec(std::string_view sql);
    std::optional<std::int64_t> pragmaInt(std::string_view pragma);
    std::string lastError() const;

private:
    sqlite3* db_ = nullptr;
};

}  // namespace sw::sqlite
