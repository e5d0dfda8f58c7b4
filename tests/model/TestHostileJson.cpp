// Hostile and damaged JSON: each gives its own one-line message naming the
// path, never a crash, a hang or a silently wrong value.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>

#include "model/Model.h"
#include "tests/support/TestDesigns.h"

using namespace sw;

namespace {

// The error of a text that must be refused (fails the test when it loads).
std::string refusal(std::string_view text) {
    auto p = projectFromJson(text);
    if (p.ok()) return "(accepted)";
    return p.error();
}

std::string component(std::string_view fields) {
    return "{\"components\":[{\"id\":\"a\",\"kind\":\"service\"," + std::string(fields) + "}]}";
}

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')) + 1; }

}  // namespace

class TestHostileJson : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

private slots:
    void nesting100000DeepIsRefused() {
        const std::string arrays = std::string(100000, '[') + std::string(100000, ']');
        QCOMPARE(refusal(arrays), std::string("JSON nests deeper than 64 levels (at byte 64)"));
        std::string objects;
        for (int i = 0; i < 100000; ++i) objects += R"({"a":)";
        objects += "1" + std::string(100000, '}');
        QCOMPARE(refusal(objects), std::string("JSON nests deeper than 64 levels (at byte 320)"));
        // Unbalanced: opened and never closed.
        QCOMPARE(refusal(std::string(100000, '{')), std::string("JSON nests deeper than 64 levels (at byte 64)"));
    }

    // Brackets inside a string are text, not nesting.
    void bracketsInStringsAreText() {
        const std::string name = std::string(1000, '[') + "\\\"" + std::string(1000, '{');
        auto p = projectFromJson("{\"name\":\"" + name + "\",\"components\":[]}");
        QVERIFY2(p.ok(), p.error().c_str());
        QCOMPARE(p.value().name.size(), std::size_t(2001));
    }

    void hugeNumbersAreRangeChecked() {
        QCOMPARE(refusal(component(R"("instances":1e308)")),
                 std::string("components[0].instances: 1e+308 is above the maximum 100000"));
        QCOMPARE(refusal(component(R"("capacity_rps":-1e308)")),
                 std::string("components[0].capacity_rps: -1e+308 is below the minimum 0.001"));
        QCOMPARE(refusal(component(R"("x":1e308)")),
                 std::string("components[0].x: 1e+308 is outside the canvas (|v| <= 1e7)"));
        QCOMPARE(refusal(component(R"("instances":18446744073709551616)")),
                 std::string("components[0].instances: 18446744073709551616 is above the maximum 100000"));
        // In range, the extremes are kept exactly.
        auto p = projectFromJson(R"({"components":[{"id":"c","kind":"cache","hit_ratio":1e-308,"memory_gb":0}],)"
                                 R"("workload":{"users":1e11,"data_per_user_mb":1e7}})");
        QVERIFY2(p.ok(), p.error().c_str());
        QCOMPARE(p.value().variants[0].components[0].params.hit_ratio, 1e-308);
        QCOMPARE(p.value().variants[0].workload.users, 1e11);
    }

    void overflowingNumbersAreRefused() {
        QCOMPARE(refusal(component(R"("capacity_rps":1e309)")),
                 std::string("components[0].capacity_rps: number is too large to represent"));
        QCOMPARE(refusal(component(R"("service_time_ms":-1e309)")),
                 std::string("components[0].service_time_ms: number is too large to represent"));
        QCOMPARE(refusal(R"({"workload":{"users":1e400}})"),
                 std::string("workload.users: number is too large to represent"));
    }

    void nanAndInfinityLiteralsAreRefused() {
        for (const char* literal : {"NaN", "Infinity", "-Infinity", "nan", "inf"}) {
            const std::string e = refusal(component(std::string(R"("instances":)") + literal));
            QVERIFY2(e.starts_with("JSON parse error at line 1, column "), e.c_str());
            QVERIFY2(e.find("NaN and Infinity are not JSON numbers") != std::string::npos, e.c_str());
            QCOMPARE(lines(e), 1);
        }
    }

    void tenMegabyteStringsAreRefused() {
        const std::string big(10u << 20, 'x');
        QCOMPARE(refusal("{\"name\":\"" + big + "\"}"),
                 std::string("name: text of 10485760 characters is longer than the limit of 4096"));
        QCOMPARE(refusal("{\"components\":[{\"kind\":\"service\",\"id\":\"" + big + "\"}]}"),
                 std::string("components[0].id: text of 10485760 characters is longer than the limit of 4096"));
        // A 10 MB key or kind is named by its start only, and reported once.
        const std::string e = refusal(component("\"" + big + "\":1"));
        QVERIFY2(e.size() < 200, e.substr(0, 200).c_str());
        QVERIFY2(e.starts_with("components[0].xxxxxxxx"), e.substr(0, 200).c_str());
        QVERIFY2(e.ends_with(": unknown field"), e.substr(0, 200).c_str());
        const std::string k = refusal("{\"components\":[{\"id\":\"a\",\"kind\":\"" + big + "\"}]}");
        QCOMPARE(k, std::string("components[0].kind: text of 10485760 characters is longer than the limit of 4096"));
        // An unterminated 10 MB string: the parser's message does not echo it.
        const std::string u = refusal("{\"name\":\"" + big);
        QVERIFY2(u.starts_with("JSON parse error"), u.substr(0, 200).c_str());
        QVERIFY2(u.size() < 300, u.substr(0, 300).c_str());
    }

    void duplicateIdsAreRefused() {
        QCOMPARE(refusal(R"({"components":[{"id":"a","kind":"service"},{"id":"b","kind":"cache"},)"
                         R"({"id":"a","kind":"queue"}]})"),
                 std::string("components[2].id: 'a' is already used by components[0]"));
        QCOMPARE(refusal(R"({"variants":[{"name":"v"},{"name":"v"}]})"),
                 std::string("variants[1].name: 'v' is already used by variants[0]"));
    }

    // The same key twice in one object would silently keep one of two values.
    void duplicateKeysAreRefused() {
        QCOMPARE(refusal(component(R"("instances":2,"instances":3)")),
                 std::string("components[0].instances: the key appears twice in one object"));
        // The same key in sibling objects is fine.
        auto p = projectFromJson(R"({"components":[{"id":"a","kind":"service"},{"id":"b","kind":"service"}]})");
        QVERIFY2(p.ok(), p.error().c_str());
    }

    void wrongTypesNameThePath() {
        QCOMPARE(refusal(component(R"("instances":"3")")),
                 std::string("components[0].instances: expected a number, found a string"));
        QCOMPARE(refusal(component(R"("instances":true)")),
                 std::string("components[0].instances: expected a number, found a boolean"));
        QCOMPARE(refusal(R"({"components":{"a":1}})"), std::string("components: expected an array, found an object"));
        QCOMPARE(refusal(R"({"components":[7]})"), std::string("components[0]: expected an object, found a number"));
        QCOMPARE(refusal(R"({"components":[{"id":"a","kind":3}]})"),
                 std::string("components[0].kind: expected a string, found a number"));
        QCOMPARE(refusal(R"({"components":[{"id":"a","kind":"server"}]})"),
                 std::string("components[0].kind: 'server' is not one of user_group, dns, cdn, load_balancer, "
                             "service, cache, database, queue, object_storage"));
        QCOMPARE(refusal(R"({"components":[{"id":"a"}]})"), std::string("components[0].kind: missing"));
        QCOMPARE(refusal(R"({"workload":[]})"), std::string("workload: expected an object, found an array"));
        QCOMPARE(refusal(R"({"regions":[{"id":"r","rect":{"x":0,"y":0,"w":5,"h":100}}]})"),
                 std::string("regions[0].rect.w: 5 is below the minimum 10"));
        QCOMPARE(refusal(R"({"links":[{"id":"l","to":"b"}]})"), std::string("links[0].from: missing or empty"));
        QCOMPARE(refusal(R"({"links":[{"id":"l","from":"a","to":"b","mode":"eventually"}]})"),
                 std::string("links[0].mode: 'eventually' is not one of sync, async, quorum"));
        QCOMPARE(refusal("[1,2]"), std::string("$: expected an object, found an array"));
        QCOMPARE(refusal(R"({"components":[{"kind":"service"}]})"), std::string("components[0].id: missing or empty"));
    }

    void unknownFieldsNameThePath() {
        QCOMPARE(refusal(component(R"("colour":"red")")), std::string("components[0].colour: unknown field"));
        QCOMPARE(refusal(component(R"("hit_ratio":0.5)")),
                 std::string("components[0].hit_ratio: does not apply to this kind of component"));
        QCOMPARE(refusal(R"({"workload":{"dau":5}})"), std::string("workload.dau: unknown field"));
        QCOMPARE(refusal(R"({"planet":1})"), std::string("planet: unknown field"));
        QCOMPARE(refusal(R"({"variants":[{"name":"v","extra":1}]})"), std::string("variants[0].extra: unknown field"));
    }

    // The issue's example: the path of a value inside a variant.
    void pathInsideAVariant() {
        const std::string text = R"({"name":"p","variants":[{"name":"v","components":[)"
                                 R"({"id":"a","kind":"service"},{"id":"b","kind":"service"},)"
                                 R"({"id":"c","kind":"service"},{"id":"d","kind":"service","instances":-2}]}]})";
        QCOMPARE(refusal(text), std::string("variants[0].components[3].instances: -2 is below the minimum 1"));
    }

    // Every problem is listed, one per line, up to a cap.
    void manyProblemsAreCapped() {
        std::string text = R"({"components":[)";
        for (int i = 0; i < 1000000; ++i) text += i ? ",1" : "1";
        text += "]}";
        const std::string e = refusal(text);
        QCOMPARE(lines(e), 51);
        QVERIFY(e.starts_with("components[0]: expected an object, found a number\n"));
        QVERIFY(e.ends_with("\n(further errors not shown)"));
    }

    // A flat array of millions of values is cut off before it fills memory.
    void tooManyValuesAreRefused() {
        std::string text = "{\"components\":[";
        text.reserve(8'100'000);
        for (int i = 0; i < 4'000'001; ++i) text += "0,";
        text += "0]}";
        QCOMPARE(refusal(text), std::string("JSON holds more than 4000000 values"));
    }

    void headerIsChecked() {
        QCOMPARE(refusal(R"({"format":"drawio"})"),
                 std::string("format: this is not a Scalewright file (expected \"scalewright\")"));
        QCOMPARE(refusal(R"({"format":"scalewright","format_version":2})"),
                 std::string("format_version: version 2 is newer than this program reads (1); update Scalewright"));
        QCOMPARE(refusal(R"({"variants":[]})"), std::string("variants: a project needs at least one variant"));
    }

    void brokenTextIsRefused() {
        for (std::string text : {std::string(), std::string("   "), std::string("{\"name\":\"a\""),
                                 std::string("{\"name\":\"a\0b\"}", 14), std::string("{\"name\":\"\xff\xfe\"}"),
                                 std::string("{\"name\":\"\xc3\"}"), std::string("{} trailing"),
                                 std::string("\0\0\0\0", 4)}) {
            const std::string e = refusal(text);
            QVERIFY2(e.starts_with("JSON parse error"), e.c_str());
            QCOMPARE(lines(e), 1);
        }
    }

    // An escaped NUL is a legal character; it survives and breaks nothing.
    void escapedNulIsKept() {
        auto p = projectFromJson(R"({"name":"a\u0000b"})");
        QVERIFY2(p.ok(), p.error().c_str());
        QCOMPARE(p.value().name, std::string("a\0b", 3));
        auto again = projectFromJson(projectToJson(p.value()));
        QVERIFY(again.ok());
        QVERIFY(again.value() == p.value());
    }

    // Ids with control characters would break one-line messages; they are
    // shown escaped.
    void controlCharactersInMessagesAreEscaped() {
        const std::string e = refusal(R"({"components":[{"id":"a\nb","kind":"service"},{"id":"a\nb","kind":"cache"}]})");
        QCOMPARE(e, std::string("components[1].id: 'a\\nb' is already used by components[0]"));
    }

    // A long multi-byte text is cut between characters, not inside one.
    void longUnicodeTextIsCutCleanly() {
        std::string kind = "x";
        for (int i = 0; i < 100; ++i) kind += "\xc3\xa9";   // é
        const std::string e = refusal("{\"components\":[{\"id\":\"a\",\"kind\":\"" + kind + "\"}]}");
        const std::string expected = "components[0].kind: '" + kind.substr(0, 61) + "...' is not one of";
        QVERIFY2(e.starts_with(expected), e.c_str());
    }

    // Thousands of random edits of a valid file (bytes flipped, dropped,
    // duplicated, cut): each loads or is refused with text, never a crash.
    void randomEditsNeverCrash() {
        const std::string base = projectToJson(testing::handMadeProject());
        std::mt19937 rng(2026);
        int refused = 0;
        for (int i = 0; i < 3000; ++i) {
            std::string t = base;
            const int edits = 1 + static_cast<int>(rng() % 4);
            for (int k = 0; k < edits && !t.empty(); ++k) {
                const std::size_t at = rng() % t.size();
                switch (rng() % 4) {
                    case 0: t[at] = static_cast<char>(rng()); break;
                    case 1: t.erase(at, 1 + rng() % 8); break;
                    case 2: t.insert(at, t.substr(rng() % t.size(), 1 + rng() % 16)); break;
                    default: t.resize(at); break;
                }
            }
            auto p = projectFromJson(t);
            if (!p.ok()) {
                ++refused;
                QVERIFY2(!p.error().empty(), t.c_str());
            } else {
                QVERIFY(!p.value().variants.empty());
                QVERIFY(projectFromJson(projectToJson(p.value())).ok());   // what loads, saves and loads
            }
        }
        QVERIFY(refused > 1000);
    }

    void filesAreReportedByName() {
        QVERIFY(tmp_.isValid());
        const std::string missing = tmp_.filePath("missing.json").toStdString();
        auto m = readProjectJsonFile(missing);
        QVERIFY(!m.ok());
        QCOMPARE(m.error(), missing + ": no such file");
        auto d = readProjectJsonFile(tmp_.path().toStdString());
        QVERIFY(!d.ok());
        QCOMPARE(d.error(), tmp_.path().toStdString() + ": is a directory, not a file");
        const std::string bad = tmp_.filePath("bad.json").toStdString();
        std::ofstream(bad) << R"({"components":[{"id":"a","kind":"service","instances":0,"colour":1}]})";
        auto b = readProjectJsonFile(bad);
        QVERIFY(!b.ok());
        QCOMPARE(b.error(), bad + ": components[0].colour: unknown field\n" + bad +
                                ": components[0].instances: 0 is below the minimum 1");
        auto l = loadProject(bad);
        QCOMPARE(l.error(), b.error());
    }

    // A file over the size limit is refused before it is read.
    void oversizedFileIsRefused() {
        const std::string big = tmp_.filePath("big.json").toStdString();
        {
            std::ofstream out(big);
            out.seekp((64u << 20) + 10);
            out << ' ';
        }
        auto r = readProjectJsonFile(big);
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), big + ": file of 67108875 bytes is larger than the limit of 67108864 bytes");
    }
};

QTEST_GUILESS_MAIN(TestHostileJson)
#include "TestHostileJson.moc"
