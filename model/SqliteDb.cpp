#include "model/SqliteDb.h"

#include <string>

namespace sw::sqlite {

Statement::Statement(sqlite3* db, std::string_view sql) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
        stmt_ = nullptr;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, std::string_view text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind(int i, double value) {
    sqlite3_bind_double(stmt_, i, value);
    return *this;
}
Statement& Statement::bind(int i, std::int64_t value) {
    sqlite3_bind_int64(stmt_, i, value);
    return *this;
}
int Statement::step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_MISUSE; }
void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}
std::string Statement::text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
}
std::string_view Statement::view(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col))
             : std::string_view();
}
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }

Database::~Database() { sqlite3_close(db_); }

std::optional<std::string> Database::open(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        std::string e = db_ ? sqlite3_errmsg(db_) : "out of memory";
        return e;
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_busy_timeout(db_, 2000);
    return exec("PRAGMA trusted_schema=OFF;");
}

std::optional<std::string> Database::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string e = err ? err : lastError();
        sqlite3_free(err);
        return e;
    }
    return std::nullopt;
}

std::optional<std::int64_t> Database::pragmaInt(std::string_view pragma) {
    Statement st(db_, "PRAGMA " + std::string(pragma));
    if (!st.ok() || st.step() != SQLITE_ROW) return std::nullopt;
    return st.integer(0);
}

std::string Database::lastError() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

}  // namespace sw::sqlite
