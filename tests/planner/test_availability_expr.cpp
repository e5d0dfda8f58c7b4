// The availability expression language: values against hand calculations,
// shared failure domains by explicit conditioning, and error positions.
#include <QtTest>

#include <cmath>

#include "planner/AvailabilityExpr.h"

using namespace sw;

namespace {
double eval(const char* text, const std::map<std::string, double>& domains = {}) {
    auto r = availabilityOfExpr(text, domains);
    if (!r) qWarning("%s: %s", text, r.error().c_str());
    return r ? r.value() : -1;
}
bool near(double a, double b, double abs = 1e-14) { return std::abs(a - b) <= abs; }
}  // namespace

class TestAvailabilityExpr : public QObject {
    Q_OBJECT
private slots:
    void numbersAndFunctions() {
        QVERIFY(near(eval("0.999"), 0.999));
        QVERIFY(near(eval("99.9%"), 0.999));
        QVERIFY(near(eval("  ( 99.95 % ) "), 0.9995));
        // The seed: three 99.9 % in series = 0.999^3 = 0.997002999.
        QVERIFY(near(eval("series(0.999, 0.999, 0.999)"), 0.997002999));
        QVERIFY(near(eval("series(99.9%,99.9%,99.9%)"), 0.997002999));
        QVERIFY(near(eval("parallel(0.99, 0.99)"), 0.9999));
        QVERIFY(near(eval("Series( 0.5 , 0.5 )"), 0.25));
        // 2-of-3 at 0.9: 0.243 + 0.729; mixed 2-of-{0.9, 0.8, 0.7} = 0.902 (by hand).
        QVERIFY(near(eval("kofn(2,3,0.9)"), 0.972));
        QVERIFY(near(eval("kofn(2, [0.9, 0.8, 70%])"), 0.902));
        QVERIFY(near(eval("1e-1"), 0.1));
    }

    // series(0.9999, parallel(0.99, 0.99), kofn(2, 3, 0.999)) written out:
    // 0.9999 x (1 - 0.01^2) x (1 - (3 u^2 (1-u) + u^3)), u = 0.001.
    void nested() {
        const double u = 0.001;
        const double expect = 0.9999 * (1 - 0.0001) * (1 - (3 * u * u * (1 - u) + u * u * u));
        QVERIFY(near(eval("series(0.9999, parallel(0.99, 0.99), kofn(2, 3, 0.999))"), expect));
        QVERIFY(near(eval("parallel(series(0.9, 0.9), series(0.9, 0.9))"), 1 - (1 - 0.81) * (1 - 0.81)));
    }

    // Two replicas of 0.99 in one AZ (0.999) versus one in each of two AZs.
    // Same AZ: the AZ must be up, then either replica: 0.999 x (1 - 0.01^2)
    // = 0.9989001. Two AZs: each side 0.999 x 0.99 = 0.98901, in parallel
    // 1 - 0.01099^2 = 0.9998792199. Treating the shared AZ as two independent
    // events would wrongly give the second figure for both.
    void sharedAvailabilityZone() {
        const std::map<std::string, double> az{{"az1", 0.999}, {"az2", 0.999}};
        QVERIFY(near(eval("parallel(0.99@az1, 0.99@az1)", az), 0.9989001));
        QVERIFY(near(eval("parallel(0.99@az1, 0.99@az2)", az), 0.9998792199));
        QVERIFY(near(eval("parallel(0.99, 0.99)@az1", az), 0.9989001));
        // Identical members share the domain: 0.999 x P(2 of 3 of 0.99 up).
        const double twoOfThree = 3 * 0.99 * 0.99 * 0.01 + 0.99 * 0.99 * 0.99;
        QVERIFY(near(eval("kofn(2, 3, 0.99@az1)", az), 0.999 * twoOfThree));
        QVERIFY(near(eval("kofn(2, 3, 0.99)@az1", az), 0.999 * twoOfThree));
    }

    // Domains used in two places, conditioned by hand over the four states of
    // a, b (each 0.5): both up 0.99^2, one up 0.9^2 (twice), none 0 ->
    // 0.25 x (0.9801 + 0.81 + 0.81) = 0.650025. Nested domains: a zone inside
    // a region, both must be up.
    void conditioningByHand() {
        const std::map<std::string, double> d{{"a", 0.5}, {"b", 0.5}, {"region", 0.99}, {"zone", 0.9}};
        QVERIFY(near(eval("series(parallel(0.9@a, 0.9@b), parallel(0.9@a, 0.9@b))", d), 0.650025));
        QVERIFY(near(eval("0.95@zone@region", d), 0.95 * 0.9 * 0.99));
        // A region shared by two zones, each zone holding one replica:
        // region up (0.99) x (1 - (1 - 0.9 x 0.95)^2).
        QVERIFY(near(eval("parallel(0.95@zone@region, 0.95@a@region)", {{"zone", 0.9}, {"a", 0.9}, {"region", 0.99}}),
                     0.99 * (1 - std::pow(1 - 0.9 * 0.95, 2))));
    }

    // Property: one more parallel member never lowers the availability, with
    // or without shared domains.
    void moreMembersNeverHurt() {
        const std::map<std::string, double> d{{"x", 0.98}, {"y", 0.97}};
        const char* grow[] = {"parallel(0.9@x)", "parallel(0.9@x, 0.5@y)", "parallel(0.9@x, 0.5@y, 0.99@x)",
                              "parallel(0.9@x, 0.5@y, 0.99@x, 0.3)", "parallel(0.9@x, 0.5@y, 0.99@x, 0.3, 0@y)"};
        double prev = 0;
        for (const char* e : grow) {
            const double a = eval(e, d);
            QVERIFY2(a >= prev - 1e-15, e);
            prev = a;
        }
    }

    void syntaxErrorsPointAtTheCharacter_data() {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("extra paren") << "series(0.999, 0.999))" << 21 << "unexpected ')' at column 21";
        QTest::newRow("double comma") << "series(0.999,, 0.9)" << 14 << "unexpected ',' at column 14";
        QTest::newRow("unclosed") << "parallel(0.99" << 14 << "ends at column 14";
        QTest::newRow("unknown fn") << "serie(0.9)" << 1 << "unknown function 'serie'";
        QTest::newRow("above one") << "series(0.9, 1.5)" << 13 << "1.5 at column 13 is outside [0, 1]";
        QTest::newRow("above 100%") << "120%" << 1 << "above 100%";
        QTest::newRow("no domain") << "0.99@" << 6 << "failure-domain name";
        QTest::newRow("k too big") << "kofn(4, 3, 0.9)" << 6 << "k = 4";
        QTest::newRow("k fraction") << "kofn(2.5, 3, 0.9)" << 6 << "whole number";
        QTest::newRow("empty") << "" << 1 << "ends at column 1";
        QTest::newRow("utf8") << "series(0.9, \u00fc)" << 13 << "unexpected '\u00fc' at column 13";
        QTest::newRow("trailing") << "0.9 0.8" << 5 << "expected the end of the expression";
        QTest::newRow("negative") << "-0.5" << 1 << "unexpected '-'";
    }
    void syntaxErrorsPointAtTheCharacter() {
        QFETCH(QString, expr);
        QFETCH(int, column);
        QFETCH(QString, fragment);
        int col = -1;
        auto r = availabilityOfExpr(expr.toStdString(), {}, &col);
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.error()).contains(fragment), r.error().c_str());
        QCOMPARE(col, column);
    }

    void domainErrors() {
        int col = -1;
        auto missing = availabilityOfExpr("parallel(0.99@az1, 0.99@az9)", {{"az1", 0.999}}, &col);
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.error()).contains("'az9'"));
        QCOMPARE(col, 25);
        auto bad = availabilityOfExpr("0.99@az1", {{"az1", 1.5}});
        QVERIFY(!bad);
        // A domain used at one place only is an independent factor, so forty of
        // them cost nothing: 1 - (1 - 0.9 x 0.99)^40.
        std::string forty = "parallel(";
        std::map<std::string, double> all;
        for (int i = 0; i < 40; ++i) {
            forty += (i ? ",0.9@d" : "0.9@d") + std::to_string(i);
            all["d" + std::to_string(i)] = 0.99;
        }
        forty += ")";
        auto ok = availabilityOfExpr(forty, all);
        QVERIFY2(ok, ok ? "" : ok.error().c_str());
        QVERIFY(near(ok.value(), 1 - std::pow(1 - 0.9 * 0.99, 40)));
        // Sixteen shared domains (each used twice): 2^16 states x 81 terms, under
        // the bound. Each factor: a(d) x parallel(0.9, 0.9) = 0.99 x 0.99.
        auto sharedSeries = [](int n) {
            std::string e = "series(";
            for (int i = 0; i < n; ++i)
                e += (i ? "," : "") + std::string("parallel(0.9@s") + std::to_string(i) + ",0.9@s" + std::to_string(i) + ")";
            return e + ")";
        };
        std::map<std::string, double> shared;
        for (int i = 0; i < 18; ++i) shared["s" + std::to_string(i)] = 0.99;
        auto sixteen = availabilityOfExpr(sharedSeries(16), shared);
        QVERIFY2(sixteen, sixteen ? "" : sixteen.error().c_str());
        QVERIFY(near(sixteen.value(), std::pow(0.99 * 0.99, 16), 1e-12));   // a sum over 65536 states
        // Eighteen: 2^18 x 91 = 23855104 evaluations, past the limit; refused
        // up front, naming it.
        auto eighteen = availabilityOfExpr(sharedSeries(18), shared);
        QVERIFY(!eighteen);
        QVERIFY2(QString::fromStdString(eighteen.error())
                     .contains("18 failure domains used at more than one place (s0, s1, s2, s3, ...) need 2^18 states x "
                               "91 terms = 23855104 evaluations, above the limit of 16777216"),
                 eighteen.error().c_str());
        // A domain used twice inside and outside another: a(a) x [1 - (1 - 0.9)(1 - 0.9 a(b))]
        // = 0.99 x (1 - 0.1 x 0.145) = 0.975645.
        auto nested = availabilityOfExpr("parallel(0.9@a, 0.9@a@b)", {{"a", 0.99}, {"b", 0.95}});
        QVERIFY(nested);
        QVERIFY(near(nested.value(), 0.975645));
        // Deep nesting is refused, not a stack overflow.
        std::string deep(5000, '(');
        QVERIFY(!availabilityOfExpr(deep + "0.5" + std::string(5000, ')'), {}));
    }
};

QTEST_GUILESS_MAIN(TestAvailabilityExpr)
#include "test_availability_expr.moc"
