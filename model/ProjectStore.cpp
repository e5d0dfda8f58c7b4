#include "model/ProjectStore.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "model/FieldSpec.h"
#include "model/SqliteDb.h"
#include "model/SwprojSchema.h"

namespace sw {
namespace {

using sqlite::Database;
using sqlite::Statement;

template <class T>
Result<T> fail(const std::string& path, const std::string& why) {
    // One line: SQLite quotes damaged schema text, newlines and all.
    std::string line = why;
    for (char& ch : line)
        if (static_cast<unsigned char>(ch) < 0x20) ch = ' ';
    return Result<T>::failure(path + ": " + line);
}

// The queries a reader runs; preparing them all first tells a file with a
// missing table or column (damaged, or forged) from an empty one.
constexpr const char* kSelectRegions =
    "SELECT id, name, code, provider, x, y, w, h FROM region WHERE variant=? ORDER BY position";
constexpr const char* kSelectLatencyOverrides =
    "SELECT region_from, region_to, rtt_ms FROM latency_override WHERE variant=? ORDER BY position";
constexpr const char* kSelectZones = "SELECT id, name, region, x, y, w, h FROM zone WHERE variant=? ORDER BY position";
constexpr const char* kSelectComponents =
    "SELECT id, name, kind, region, zone, instance_type, role, pricing, x, y "
    "FROM component WHERE variant=? ORDER BY position";
constexpr const char* kSelectLinks =
    "SELECT id, kind, src, dst, mode, access FROM link WHERE variant=? ORDER BY position";
constexpr const char* kSelectParams = "SELECT variant, owner_type, owner_id, key, value FROM param";
constexpr const char* kSelectVariants = "SELECT id, name, description FROM variant ORDER BY position";
constexpr const char* kSelectName = "SELECT value FROM project WHERE key='name'";

// Numeric parameters of every record live in one key/value table so the
// schema does not change when a field is added to a FieldSpec table.
class ParamWriter {
public:
    ParamWriter(sqlite3* db, std::int64_t variant)
        : st_(db, "INSERT INTO param(variant, owner_type, owner_id, key, value) VALUES(?,?,?,?,?)"),
          variant_(variant) {}
    template <class Owner>
    bool put(std::string_view ownerType, std::string_view ownerId,
             std::span<const FieldSpec<Owner>> specs, const Owner& o, KindMask applies = kAllKinds) {
        for (const auto& f : specs) {
            if (!(f.kinds & applies)) continue;
            st_.bind(1, variant_).bind(2, ownerType).bind(3, ownerId).bind(4, f.key).bind(5, f.get(o));
            if (st_.step() != SQLITE_DONE) return false;
            st_.reset();
        }
        return true;
    }

private:
    Statement st_;
    std::int64_t variant_;
};

std::optional<std::string> writeDesign(Database& db, std::int64_t position, const Design& d) {
    sqlite3* h = db.handle();
    Statement v(h, "INSERT INTO variant(position, name, description) VALUES(?,?,?)");
    v.bind(1, position).bind(2, d.name).bind(3, d.description);
    if (v.step() != SQLITE_DONE) return db.lastError();
    const std::int64_t vid = sqlite3_last_insert_rowid(h);
    ParamWriter params(h, vid);
    if (!params.put("workload", "", workloadFields(), d.workload)) return db.lastError();

    Statement r(h, "INSERT INTO region(variant, position, id, name, code, provider, x, y, w, h) "
                   "VALUES(?,?,?,?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < d.regions.size(); ++i) {
        const Region& x = d.regions[i];
        r.bind(1, vid).bind(2, std::int64_t(i)).bind(3, x.id).bind(4, x.name).bind(5, x.code)
            .bind(6, x.provider).bind(7, x.rect.x).bind(8, x.rect.y).bind(9, x.rect.w).bind(10, x.rect.h);
        if (r.step() != SQLITE_DONE || !params.put("region", x.id, regionFields(), x.params))
            return db.lastError();
        r.reset();
    }
    Statement z(h, "INSERT INTO zone(variant, position, id, name, region, x, y, w, h) "
                   "VALUES(?,?,?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < d.zones.size(); ++i) {
        const Zone& x = d.zones[i];
        z.bind(1, vid).bind(2, std::int64_t(i)).bind(3, x.id).bind(4, x.name).bind(5, x.region)
            .bind(6, x.rect.x).bind(7, x.rect.y).bind(8, x.rect.w).bind(9, x.rect.h);
        if (z.step() != SQLITE_DONE || !params.put("zone", x.id, zoneFields(), x.params))
            return db.lastError();
        z.reset();
    }
    Statement c(h, "INSERT INTO component(variant, position, id, name, kind, region, zone, "
                   "instance_type, role, pricing, x, y) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < d.components.size(); ++i) {
        const Component& x = d.components[i];
        c.bind(1, vid).bind(2, std::int64_t(i)).bind(3, x.id).bind(4, x.name).bind(5, kindKey(x.kind))
            .bind(6, x.region).bind(7, x.zone).bind(8, x.instance_type).bind(9, roleKey(x.role))
            .bind(10, pricingKey(x.pricing)).bind(11, x.x).bind(12, x.y);
        if (c.step() != SQLITE_DONE ||
            !params.put("component", x.id, componentFields(), x.params, kindBit(x.kind)))
            return db.lastError();
        c.reset();
    }
    Statement l(h, "INSERT INTO link(variant, position, id, kind, src, dst, mode, access) "
                   "VALUES(?,?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < d.links.size(); ++i) {
        const Link& x = d.links[i];
        l.bind(1, vid).bind(2, std::int64_t(i)).bind(3, x.id).bind(4, linkKindKey(x.kind))
            .bind(5, x.from).bind(6, x.to).bind(7, linkModeKey(x.mode)).bind(8, accessKey(x.access));
        if (l.step() != SQLITE_DONE || !params.put("link", x.id, linkFields(), x.params))
            return db.lastError();
        l.reset();
    }
    Statement o(h, "INSERT INTO latency_override(variant, position, region_from, region_to, rtt_ms) VALUES(?,?,?,?,?)");
    for (std::size_t i = 0; i < d.latency_overrides.size(); ++i) {
        const LatencyOverride& x = d.latency_overrides[i];
        o.bind(1, vid).bind(2, std::int64_t(i)).bind(3, x.from).bind(4, x.to).bind(5, x.rtt_ms);
        if (o.step() != SQLITE_DONE) return db.lastError();
        o.reset();
    }
    return std::nullopt;
}

// Reads every parameter in one scan of the table (an indexed lookup per
// variant costs a b-tree search per row), then hands each to its record.
// In a file this program wrote, the rows of one owner come together and in
// the order the records are read, so a cursor finds each owner's run; rows in
// any other order (another writer) are found through an index of every run.
class ParamReader {
public:
    explicit ParamReader(sqlite3* db) {
        Statement st(db, kSelectParams);
        while (st.step() == SQLITE_ROW) {
            const std::int64_t variant = st.integer(0);
            const std::string_view type = st.view(1), id = st.view(2);
            if (owners_.empty() || !owners_.back().is(variant, type, id))
                owners_.push_back({variant, std::string(type), std::string(id), values_.size(), values_.size()});
            values_.emplace_back(keyId(st.view(3)), st.real(4));
            owners_.back().end = values_.size();
        }
        // Whether some owner's rows are in more than one run: sorting run
        // numbers costs no allocation per run, unlike hashing them all.
        std::vector<std::uint32_t> order(owners_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
        auto tie = [&](std::uint32_t i) { return std::tie(owners_[i].variant, owners_[i].type, owners_[i].id); };
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return tie(a) < tie(b); });
        for (std::size_t i = 1; i < order.size() && !scattered_; ++i)
            scattered_ = tie(order[i - 1]) == tie(order[i]);
    }
    // Applies the stored values; a value out of range is reported, not applied.
    template <class Owner>
    void apply(std::int64_t variant, const std::string& ownerType, const std::string& ownerId,
               std::span<const FieldSpec<Owner>> specs, Owner& o, std::string& problems) {
        for (const Run* run : find(variant, ownerType, ownerId)) {
            for (std::size_t i = run->begin; i < run->end; ++i) {
                const auto [key, value] = values_[i];
                const FieldSpec<Owner>* f = findField(specs, keys_[key]);
                if (!f) continue;   // a field this version no longer has
                if (auto p = rangeProblem(*f, value)) {
                    if (problems.empty())
                        problems = ownerType + " " + quoteText(ownerId) + " " + keys_[key] + ": " + *p;
                    continue;
                }
                f->set(o, value);
            }
        }
    }

private:
    struct Run {
        std::int64_t variant;
        std::string type, id;
        std::size_t begin, end;   // into values_
        bool is(std::int64_t v, std::string_view t, std::string_view i) const {
            return variant == v && type == t && id == i;
        }
    };

    std::vector<const Run*> find(std::int64_t variant, const std::string& type, const std::string& id) {
        if (!scattered_ && cursor_ < owners_.size() && owners_[cursor_].is(variant, type, id))
            return {&owners_[cursor_++]};
        if (index_.empty())
            for (std::size_t i = 0; i < owners_.size(); ++i)
                index_[key(owners_[i].variant, owners_[i].type, owners_[i].id)].push_back(i);
        std::vector<const Run*> runs;
        if (auto it = index_.find(key(variant, type, id)); it != index_.end())
            for (std::size_t i : it->second) runs.push_back(&owners_[i]);
        return runs;
    }
    static std::string key(std::int64_t variant, std::string_view type, std::string_view id) {
        std::string k = std::to_string(variant);
        k += '\x1f';
        k += type;
        k += '\x1f';
        k += id;
        return k;
    }
    int keyId(std::string_view key) {
        for (std::size_t i = 0; i < keys_.size(); ++i)
            if (keys_[i] == key) return static_cast<int>(i);
        keys_.emplace_back(key);
        return static_cast<int>(keys_.size() - 1);
    }

    std::vector<Run> owners_;
    std::vector<std::pair<int, double>> values_;
    std::vector<std::string> keys_;
    std::unordered_map<std::string, std::vector<std::size_t>> index_;
    std::size_t cursor_ = 0;
    bool scattered_ = false;
};

std::optional<std::string> schemaProblem(Database& db) {
    for (const char* sql : {kSelectName, kSelectVariants, kSelectParams, kSelectRegions, kSelectZones,
                            kSelectComponents, kSelectLinks, kSelectLatencyOverrides}) {
        Statement st(db.handle(), sql);
        if (!st.ok()) return db.lastError();
    }
    return std::nullopt;
}

// Canvas geometry read from a file gets the same checks as JSON import.
void checkRect(const std::string& owner, const Rect& r, std::string& problems) {
    const std::pair<const char*, double> parts[] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
    for (auto [k, v] : parts)
        if (auto p = rectProblem(k, v); p && problems.empty()) problems = owner + " rect." + k + ": " + *p;
}

std::optional<std::string> readDesign(Database& db, ParamReader& params, std::int64_t vid, Design& d) {
    sqlite3* h = db.handle();
    std::string problems;
    params.apply(vid, "workload", "", workloadFields(), d.workload, problems);

    Statement r(h, kSelectRegions);
    r.bind(1, vid);
    int rc;
    while ((rc = r.step()) == SQLITE_ROW) {
        Region x{r.text(0), r.text(1), r.text(2), r.text(3), {r.real(4), r.real(5), r.real(6), r.real(7)}, {}};
        checkRect("region " + quoteText(x.id), x.rect, problems);
        params.apply(vid, "region", x.id, regionFields(), x.params, problems);
        d.regions.push_back(std::move(x));
    }
    if (rc != SQLITE_DONE) return db.lastError();
    Statement z(h, kSelectZones);
    z.bind(1, vid);
    while ((rc = z.step()) == SQLITE_ROW) {
        Zone x{z.text(0), z.text(1), z.text(2), {z.real(3), z.real(4), z.real(5), z.real(6)}, {}};
        checkRect("zone " + quoteText(x.id), x.rect, problems);
        params.apply(vid, "zone", x.id, zoneFields(), x.params, problems);
        d.zones.push_back(std::move(x));
    }
    if (rc != SQLITE_DONE) return db.lastError();
    Statement c(h, kSelectComponents);
    c.bind(1, vid);
    while ((rc = c.step()) == SQLITE_ROW) {
        Component x;
        x.id = c.text(0);
        x.name = c.text(1);
        auto kind = kindFromKey(c.text(2));
        auto role = roleFromKey(c.text(6));
        auto pricing = pricingFromKey(c.text(7));
        if (!kind || !role || !pricing)
            return "component " + quoteText(x.id) + " has an unknown kind, role or pricing";
        x.kind = *kind;
        x.role = *role;
        x.pricing = *pricing;
        x.region = c.text(3);
        x.zone = c.text(4);
        x.instance_type = c.text(5);
        x.x = c.real(8);
        x.y = c.real(9);
        checkRect("component " + quoteText(x.id), Rect{x.x, x.y, 10, 10}, problems);
        params.apply(vid, "component", x.id, componentFields(), x.params, problems);
        d.components.push_back(std::move(x));
    }
    if (rc != SQLITE_DONE) return db.lastError();
    Statement l(h, kSelectLinks);
    l.bind(1, vid);
    while ((rc = l.step()) == SQLITE_ROW) {
        Link x;
        x.id = l.text(0);
        auto kind = linkKindFromKey(l.text(1));
        auto mode = linkModeFromKey(l.text(4));
        auto access = accessFromKey(l.text(5));
        if (!kind || !mode || !access) return "link " + quoteText(x.id) + " has an unknown kind, mode or access";
        x.kind = *kind;
        x.mode = *mode;
        x.access = *access;
        x.from = l.text(2);
        x.to = l.text(3);
        params.apply(vid, "link", x.id, linkFields(), x.params, problems);
        d.links.push_back(std::move(x));
    }
    if (rc != SQLITE_DONE) return db.lastError();
    Statement o(h, kSelectLatencyOverrides);
    o.bind(1, vid);
    while ((rc = o.step()) == SQLITE_ROW) {
        LatencyOverride x{o.text(0), o.text(1), o.real(2)};
        if (!(x.rtt_ms > 0 && x.rtt_ms <= 1e5) && problems.empty())
            problems = "latency override " + quoteText(x.from) + " - " + quoteText(x.to) + ": rtt_ms " +
                       formatNumber(x.rtt_ms) + " is outside (0, 100000] ms";
        d.latency_overrides.push_back(std::move(x));
    }
    if (rc != SQLITE_DONE) return db.lastError();
    if (!problems.empty()) return problems;
    return std::nullopt;
}

// Checks that an open database is one of ours and can be read; returns its version.
Result<int> checkOurs(Database& db, const std::string& path) {
    auto app = db.pragmaInt("application_id");
    if (!app) {
        const std::string e = db.lastError();
        if (e.find("not a database") != std::string::npos)
            return fail<int>(path, "not a Scalewright project (not an SQLite database)");
        if (e.find("malformed") != std::string::npos) return fail<int>(path, "is damaged: " + e);
        return fail<int>(path, "cannot be read: " + e);
    }
    if (*app != kSwprojApplicationId)
        return fail<int>(path, "is an SQLite database but not a Scalewright project");
    const auto version = db.pragmaInt("user_version").value_or(0);
    if (version > kSwprojSchemaVersion)
        return fail<int>(path, "was saved by a newer Scalewright (project schema " + std::to_string(version) +
                                   "; this version reads up to " + std::to_string(kSwprojSchemaVersion) + ")");
    if (version < 1) return fail<int>(path, "has no project schema version; the file is damaged");
    Statement check(db.handle(), "PRAGMA integrity_check(1)");
    if (check.step() != SQLITE_ROW) return fail<int>(path, "is damaged: " + db.lastError());
    if (check.text(0) != "ok") {
        // SQLite's report reads "*** in database main ***\nOn tree page 66 ...": one line here.
        std::string why = check.text(0);
        if (why.starts_with("*** in database main ***")) why.erase(0, 24);
        for (char& c : why)
            if (c == '\n' || c == '\r') c = ' ';
        while (!why.empty() && why.front() == ' ') why.erase(0, 1);
        return fail<int>(path, "is damaged: " + why);
    }
    return static_cast<int>(version);
}

}  // namespace

bool looksLikeSqlite(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    return in.gcount() == 16 && std::memcmp(head, "SQLite format 3\0", 16) == 0;
}

Result<Project> readSwproj(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return fail<Project>(path, "no such file");
    if (std::filesystem::is_directory(path, ec)) return fail<Project>(path, "is a directory, not a file");
    if (std::filesystem::file_size(path, ec) == 0 && !ec)
        return fail<Project>(path, "is empty, not a Scalewright project");
    if (!looksLikeSqlite(path)) return fail<Project>(path, "not a Scalewright project (not an SQLite database)");
    // A save killed mid-way leaves a hot journal that only a writer can roll
    // back; then (and only then) the file is opened for writing.
    const bool hotJournal = std::filesystem::exists(path + "-journal", ec);
    Database file;
    if (auto e = file.open(path, hotJournal ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY))
        return fail<Project>(path, "cannot open: " + *e);
    auto version = checkOurs(file, path);
    if (!version) return Result<Project>::failure(version.error());

    // Older files are migrated in a private in-memory copy: opening never writes.
    Database memory;
    Database* db = &file;
    if (version.value() < kSwprojSchemaVersion) {
        if (auto e = memory.open(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            return fail<Project>(path, *e);
        sqlite3_backup* b = sqlite3_backup_init(memory.handle(), "main", file.handle(), "main");
        if (!b) return fail<Project>(path, "cannot copy for migration: " + memory.lastError());
        sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
        if (auto e = migrateSwproj(memory.handle(), version.value()))
            return fail<Project>(path, "cannot upgrade from schema " + std::to_string(version.value()) + ": " + *e);
        db = &memory;
    }

    if (auto e = schemaProblem(*db)) return fail<Project>(path, "is damaged: " + *e);
    Project project;
    {
        Statement name(db->handle(), kSelectName);
        if (name.step() == SQLITE_ROW) project.name = name.text(0);
    }
    ParamReader params(db->handle());
    Statement variants(db->handle(), kSelectVariants);
    int rc;
    while ((rc = variants.step()) == SQLITE_ROW) {
        Design d;
        d.name = variants.text(1);
        d.description = variants.text(2);
        if (auto e = readDesign(*db, params, variants.integer(0), d))
            return fail<Project>(path, "variant " + quoteText(d.name) + ": " + *e);
        project.variants.push_back(std::move(d));
    }
    if (rc != SQLITE_DONE) return fail<Project>(path, "is damaged: " + db->lastError());
    if (project.variants.empty()) return fail<Project>(path, "holds no design variant");
    Statement scenarios(db->handle(), "SELECT name, definition FROM scenario ORDER BY position");
    if (!scenarios.ok()) return fail<Project>(path, "is damaged: " + db->lastError());
    while ((rc = scenarios.step()) == SQLITE_ROW) {
        auto s = scenarioFromJson(scenarios.text(1));
        if (!s) return fail<Project>(path, "scenario '" + scenarios.text(0) + "': " + s.error());
        project.scenarios.push_back(std::move(s).value());
    }
    if (rc != SQLITE_DONE) return fail<Project>(path, "is damaged: " + db->lastError());
    return project;
}

std::optional<std::string> writeSwproj(const std::string& path, const Project& project) {
    // Reading refuses a project without a variant, so saving one would write
    // a file that cannot be opened again.
    if (project.variants.empty()) return path + ": a project needs at least one variant; not saved";
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    if (existed && std::filesystem::is_directory(path, ec)) return path + ": is a directory, not a file";
    if (existed && !looksLikeSqlite(path) && std::filesystem::file_size(path, ec) > 0)
        return path + ": exists and is not a Scalewright project; not overwritten";
    Database db;
    if (auto e = db.open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) return path + ": cannot open: " + *e;
    // Foreign keys stay declared but are not enforced while saving: the writer
    // produces consistent ids, and enforcement would turn the DELETEs below
    // into row-by-row deletes. A 64 MB page cache keeps a large save from
    // spilling (and syncing the journal) before the commit.
    if (auto e = db.exec("PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA foreign_keys=OFF; "
                         "PRAGMA cache_size=-65536;"))
        return path + ": " + *e;
    const auto app = db.pragmaInt("application_id").value_or(0);
    const auto version = db.pragmaInt("user_version").value_or(0);
    // An SQLite file without our id is someone else's unless it holds nothing.
    std::int64_t tables = 1;
    {
        Statement st(db.handle(), "SELECT count(*) FROM sqlite_schema");
        if (st.step() == SQLITE_ROW) tables = st.integer(0);
    }
    if (existed && app != kSwprojApplicationId && (app != 0 || tables > 0))
        return path + ": is an SQLite database of another program; not overwritten";
    if (version > kSwprojSchemaVersion)
        return path + ": was saved by a newer Scalewright; not overwritten";

    if (auto e = db.exec("BEGIN IMMEDIATE")) return path + ": cannot start saving: " + *e;
    auto abort = [&](const std::string& why) {
        db.exec("ROLLBACK");
        return path + ": save failed, file unchanged: " + why;
    };
    if (app == kSwprojApplicationId && version >= 1 && version < kSwprojSchemaVersion)
        if (auto e = migrateSwproj(db.handle(), static_cast<int>(version))) return abort(*e);
    if (version == 0)
        if (auto e = db.exec(swprojSchemaSql())) return abort(*e);
    if (auto e = db.exec("DELETE FROM param; DELETE FROM link; DELETE FROM component; DELETE FROM zone; "
                         "DELETE FROM region; DELETE FROM latency_override; DELETE FROM variant; DELETE FROM project; "
                         "DELETE FROM scenario;"))
        return abort(*e);
    {
        Statement meta(db.handle(), "INSERT INTO project(key, value) VALUES('name', ?)");
        meta.bind(1, project.name);
        if (meta.step() != SQLITE_DONE) return abort(db.lastError());
    }
    for (std::size_t i = 0; i < project.variants.size(); ++i)
        if (auto e = writeDesign(db, static_cast<std::int64_t>(i), project.variants[i])) return abort(*e);
    {
        Statement sc(db.handle(), "INSERT INTO scenario(position, name, definition) VALUES(?,?,?)");
        for (std::size_t i = 0; i < project.scenarios.size(); ++i) {
            const Scenario& s = project.scenarios[i];
            sc.bind(1, std::int64_t(i)).bind(2, s.name).bind(3, scenarioToJson(s));
            if (sc.step() != SQLITE_DONE) return abort(db.lastError());
            sc.reset();
        }
    }
    const std::string stamp = "PRAGMA application_id=" + std::to_string(kSwprojApplicationId) +
                              "; PRAGMA user_version=" + std::to_string(kSwprojSchemaVersion) + ";";
    if (auto e = db.exec(stamp)) return abort(*e);
    if (auto e = db.exec("COMMIT")) return abort(*e);
    return std::nullopt;
}

}  // namespace sw
