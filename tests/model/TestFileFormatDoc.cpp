// docs/file-format.md documents every numeric key with the unit, type,
// range and default the FieldSpec tables enforce; this keeps the two in step.
#include <QtTest>

#include <fstream>

#include "model/Model.h"

using namespace sw;

namespace {

std::string doc() {
    std::ifstream in(std::string(SW_SAMPLES_DIR) + "/../docs/file-format.md");
    return {std::istreambuf_iterator<char>(in), {}};
}

// The row the document must hold for a field: key, unit, type, range, default.
template <class Owner>
std::string row(const FieldSpec<Owner>& f, const Owner& defaults) {
    return "| `" + std::string(f.key) + "` | " + (f.unit.empty() ? std::string("—") : std::string(f.unit)) + " | " +
           (f.integer ? "integer" : "number") + " | " + formatNumber(f.min) + " … " + formatNumber(f.max) + " | " +
           formatNumber(f.get(defaults)) + " |";
}

template <class Owner>
void checkAll(const std::string& text, std::span<const FieldSpec<Owner>> fields, const Owner& defaults) {
    for (const auto& f : fields) {
        const std::string r = row(f, defaults);
        QVERIFY2(text.find(r) != std::string::npos, ("docs/file-format.md lacks: " + r).c_str());
    }
}

}  // namespace

class TestFileFormatDoc : public QObject {
    Q_OBJECT

private slots:
    void everyFieldIsDocumented() {
        const std::string text = doc();
        QVERIFY2(!text.empty(), "docs/file-format.md is missing");
        checkAll(text, workloadFields(), Workload{});
        checkAll(text, componentFields(), ComponentParams{});
        checkAll(text, regionFields(), RegionParams{});
        checkAll(text, zoneFields(), ZoneParams{});
        checkAll(text, linkFields(), LinkParams{});
    }

    void identityIsDocumented() {
        const std::string text = doc();
        QVERIFY(text.find("`0x5357504A`") != std::string::npos);
        QVERIFY2(text.find("currently **" + std::to_string(kSwprojSchemaVersion) + "**") != std::string::npos,
                 "docs/file-format.md must name the current .swproj schema version ('currently **N**') "
                 "and describe its tables");
    }
};

QTEST_GUILESS_MAIN(TestFileFormatDoc)
#include "TestFileFormatDoc.moc"
