#include "views/simulation/SimulationPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

#include "model/PrintableText.h"
#include "model/TextFile.h"
#include "planner/sim/SimOutput.h"
#include "views/commands/ScenariosCommand.h"
#include "views/dialogs/SaveDialog.h"
#include "views/document/DesignDocument.h"
#include "views/inspector/WheelGuard.h"
#include "views/simulation/ScenarioEditor.h"
#include "views/simulation/SimulationChart.h"
#include "views/simulation/SimulationRunner.h"

namespace sw::views {

namespace {

QString seconds(double s) {
    if (s >= 3600) return QStringLiteral("%1 h").arg(s / 3600, 0, 'g', 3);
    if (s >= 120) return QStringLiteral("%1 min").arg(s / 60, 0, 'g', 3);
    return QStringLiteral("%1 s").arg(s, 0, 'g', 3);
}

// One line per scenario event, in words.
QString describe(const Scenario& s) {
    QStringList lines;
    auto window = [](double start, double duration) {
        return duration > 0 ? QObject::tr("from %1 for %2").arg(seconds(start), seconds(duration))
                            : QObject::tr("from %1 on").arg(seconds(start));
    };
    for (const TrafficEvent& t : s.traffic) {
        const QString kind = QString::fromUtf8(trafficKindKey(t.kind).data());
        switch (t.kind) {
            case TrafficKind::Spike:
            case TrafficKind::Ramp: lines << QStringLiteral("%1 ×%2 %3").arg(kind).arg(t.factor).arg(window(t.start_s, t.duration_s)); break;
            case TrafficKind::Constant:
                lines << (t.rps > 0 ? QObject::tr("constant %1 rps").arg(t.rps) : QObject::tr("constant ×%1 of the peak").arg(t.factor));
                break;
            case TrafficKind::Diurnal: lines << QObject::tr("diurnal, amplitude %1, period %2").arg(t.amplitude).arg(seconds(t.period_s)); break;
            case TrafficKind::Replay: lines << QObject::tr("replay of a rate series"); break;
        }
    }
    for (const FailureEvent& f : s.failures)
        lines << QStringLiteral("%1 %2 %3")
                     .arg(QString::fromUtf8(failureKindKey(f.kind).data()), QString::fromStdString(f.target),
                          window(f.start_s, f.duration_s));
    if (!s.steady_state.empty() || !s.abort_when.empty())
        lines << QObject::tr("chaos experiment: %1 steady-state, %2 abort condition(s)")
                     .arg(s.steady_state.size())
                     .arg(s.abort_when.size());
    if (lines.isEmpty()) lines << QObject::tr("the workload's peak, no failures");
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

SimulationPanel::SimulationPanel(DesignDocument* doc, QWidget* parent)
    : QWidget(parent), doc_(doc), runner_(new SimulationRunner(this)), chart_(new SimulationChart(this)) {
    // Controls on the left, the chart in the middle, the summary on the right.
    auto* controls = new QWidget(this);
    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    scenario_ = new QComboBox(controls);
    scenario_->setObjectName(QStringLiteral("simScenario"));
    scenario_->setSizeAdjustPolicy(QComboBox::AdjustToContents);   // the whole name, not "region-o"
    editButton_ = new QPushButton(tr("Edit…"), controls);
    editButton_->setToolTip(tr("Add, change or remove the project's scenarios (undoable)"));
    auto* scenarioRow = new QHBoxLayout;
    scenarioRow->addWidget(scenario_, 1);
    scenarioRow->addWidget(editButton_);
    form->addRow(tr("Scenario"), scenarioRow);
    seed_ = new QSpinBox(controls);
    seed_->setRange(0, 2147483647);
    seed_->setValue(1);
    seed_->setToolTip(tr("Same seed, same results, byte for byte"));
    form->addRow(tr("Seed"), seed_);
    replicates_ = new QSpinBox(controls);
    replicates_->setRange(1, 256);
    replicates_->setValue(4);
    replicates_->setToolTip(tr("Independent runs, in parallel on all cores; two or more give 95 % confidence intervals"));
    form->addRow(tr("Replicates"), replicates_);
    duration_ = new QDoubleSpinBox(controls);
    duration_->setRange(0, kScenarioMaxDuration);
    duration_->setDecimals(0);
    duration_->setSuffix(tr(" s"));
    duration_->setSpecialValueText(tr("as the scenario"));
    form->addRow(tr("Duration"), duration_);
    method_ = new QComboBox(controls);
    method_->addItem(tr("Automatic"), static_cast<int>(sim::Method::Auto));
    method_->addItem(tr("Every instance"), static_cast<int>(sim::Method::Full));
    method_->addItem(tr("Representative"), static_cast<int>(sim::Method::Representative));
    method_->setToolTip(tr("Automatic simulates one representative instance per tier above 30 million requests"));
    form->addRow(tr("Method"), method_);
    component_ = new QComboBox(controls);
    component_->setObjectName(QStringLiteral("simComponent"));
    component_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    component_->setMinimumContentsLength(12);
    component_->setToolTip(tr("The component whose utilisation and queue the last pane shows (after a run)"));
    form->addRow(tr("Component"), component_);

    description_ = new QLabel(controls);
    description_->setWordWrap(true);
    description_->setForegroundRole(QPalette::PlaceholderText);
    description_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    description_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    runButton_ = new QPushButton(tr("Run"), controls);
    runButton_->setDefault(true);
    runButton_->setToolTip(tr("Replay the scenario against the variant on show (Ctrl+R)"));
    cancelButton_ = new QPushButton(tr("Stop"), controls);
    csvButton_ = new QPushButton(tr("CSV…"), controls);
    csvButton_->setToolTip(tr("Every replicate's per-second series and per-component utilisation"));
    jsonButton_ = new QPushButton(tr("JSON…"), controls);
    jsonButton_->setToolTip(tr("Summary with confidence intervals, per-replicate results and the first series"));
    progress_ = new QProgressBar(controls);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progress_->setMaximumHeight(6);
    status_ = new QLabel(controls);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(runButton_, 2);
    buttons->addWidget(cancelButton_, 1);
    auto* exports = new QHBoxLayout;
    exports->addWidget(new QLabel(tr("Export"), controls));
    exports->addWidget(csvButton_);
    exports->addWidget(jsonButton_);
    auto* left = new QVBoxLayout(controls);
    left->setContentsMargins(10, 8, 6, 8);
    left->addLayout(form);
    left->addWidget(description_, 1);
    left->addLayout(buttons);
    left->addWidget(progress_);
    left->addWidget(status_);
    left->addLayout(exports);
    // No fixed minimum: the form's own (the whole scenario name, the Edit… button).
    controls->setMaximumWidth(400);

    summary_ = new QTableWidget(0, 3, this);
    summary_->setObjectName(QStringLiteral("simSummary"));
    summary_->setHorizontalHeaderLabels({tr("Result"), tr("Mean"), tr("± 95 %")});
    summary_->verticalHeader()->hide();
    summary_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    summary_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    summary_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    summary_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    summary_->setSelectionBehavior(QAbstractItemView::SelectRows);
    summary_->setShowGrid(false);
    summary_->setAlternatingRowColors(true);
    summary_->verticalHeader()->setDefaultSectionSize(22);
    summary_->setMinimumWidth(330);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(controls);
    split->addWidget(chart_);
    split->addWidget(summary_);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(split);

    connect(runButton_, &QPushButton::clicked, this, &SimulationPanel::run);
    connect(cancelButton_, &QPushButton::clicked, this, &SimulationPanel::cancel);
    // The suggested name says which design, variant and scenario the file holds.
    auto suggested = [this](const char* ext) {
        if (!report_) return QString();
        const QString base = sourceName_.isEmpty() ? tr("untitled") : QFileInfo(sourceName_).completeBaseName();
        QString name = QStringLiteral("%1-%2-%3%4").arg(base, QString::fromStdString(report_->variant),
                                                         QString::fromStdString(report_->scenario),
                                                         partial_ ? tr("-partial") : QString());
        name.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("_"));
        return name + QLatin1String(ext);
    };
    connect(csvButton_, &QPushButton::clicked, this, [this, suggested] {
        const QString path = getSavePath(this, tr("Export simulation CSV"), suggested(".csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty()) exportCsv(path);
    });
    connect(jsonButton_, &QPushButton::clicked, this, [this, suggested] {
        const QString path = getSavePath(this, tr("Export simulation JSON"), suggested(".json"), tr("JSON (*.json)"));
        if (!path.isEmpty()) exportJson(path);
    });
    connect(editButton_, &QPushButton::clicked, this, &SimulationPanel::editScenarios);
    connect(scenario_, &QComboBox::currentIndexChanged, this, &SimulationPanel::showScenario);
    connect(component_, &QComboBox::currentIndexChanged, this, &SimulationPanel::showComponent);
    connect(doc_, &DesignDocument::scenariosChanged, this, &SimulationPanel::refreshScenarios);
    connect(doc_, &DesignDocument::projectReset, this, &SimulationPanel::forgetRun);
    connect(doc_, &DesignDocument::designReset, this, [this] {
        stopForeignRun();
        refreshScenarios();
    });
    connect(doc_, &DesignDocument::variantsChanged, this, &SimulationPanel::refreshScenarios);
    connect(runner_, &SimulationRunner::progressed, this, [this](double f) { progress_->setValue(qRound(f * 1000)); });
    connect(runner_, &SimulationRunner::seconds, chart_, &SimulationChart::append);
    // A run that no longer belongs here (another project or variant came on
    // show while it went on) is dropped whatever way it ends.
    auto dropped = [this] {
        if (!discardRun_) return false;
        discardRun_ = false;
        runVariant_ = -1;
        setRunning(false);
        showRun();
        setStatus(tr("Run stopped: the design it was simulating is no longer on show."));
        emit runFinished();
        return true;
    };
    connect(runner_, &SimulationRunner::finished, this, [this, dropped](const sim::Report& r) {
        if (dropped()) return;
        partial_ = false;
        setRunning(false);
        showReport(r);
        emit runFinished();
    });
    connect(runner_, &SimulationRunner::failed, this, [this, dropped](const QString& why) {
        if (dropped()) return;
        setRunning(false);
        setStatus(why, true);
        emit runFinished();
    });
    connect(runner_, &SimulationRunner::cancelled, this, [this, dropped](const sim::Report& r) {
        if (dropped()) return;
        if (r.runs.empty() || r.runs.front().series.empty()) {
            setRunning(false);
            setStatus(tr("Stopped before the first simulated second; nothing to show."));
        } else {
            partial_ = true;
            setRunning(false);
            showReport(r);
        }
        emit runFinished();
    });
    for (QWidget* field : std::initializer_list<QWidget*>{scenario_, seed_, replicates_, duration_, method_, component_})
        takeWheelOnlyWhenFocused(field);
    setRunning(false);
    refreshScenarios();
}

SimulationPanel::~SimulationPanel() = default;

void SimulationPanel::setTheme(const Theme& theme) {
    theme_ = theme;
    chart_->setTheme(theme);
}

void SimulationPanel::refreshScenarios() {
    const QString keep = scenario_->currentText();
    QSignalBlocker block(scenario_);
    scenario_->clear();
    for (const Scenario& s : doc_->project().scenarios) scenario_->addItem(QString::fromStdString(s.name));
    const int i = scenario_->findText(keep);
    scenario_->setCurrentIndex(i >= 0 ? i : 0);
    // QComboBox keeps the minimum it computed while empty; ask for the longest name.
    scenario_->setMinimumWidth(std::min(scenario_->sizeHint().width(), 240));
    block.unblock();
    showScenario();
}

void SimulationPanel::showScenario() {
    const Scenario* s = doc_->project().findScenario(scenario_->currentText().toStdString());
    if (!s) {
        description_->setText(tr("This project has no scenarios yet: Edit… adds them (docs/simulator.md)."));
    } else {
        QString text;
        if (!s->description.empty()) text = QString::fromStdString(s->description) + QStringLiteral("\n\n");
        text += tr("%1 simulated\n").arg(seconds(s->duration_s)) + describe(*s);
        description_->setText(text);
    }
    if (!runner_->running()) showRun();
    setRunning(runner_->running());
}

const Scenario* SimulationPanel::currentScenario() const {
    return doc_->project().findScenario(scenario_->currentText().toStdString());
}

bool SimulationPanel::runShown() const {
    return report_ && runVariant_ == doc_->currentVariant() && report_->variant == doc_->design().name;
}

void SimulationPanel::showRun() {
    const Scenario* s = currentScenario();
    if (runShown() && s && report_->scenario == s->name) {
        chart_->reset(*s, report_->duration_s);
        showReport(*report_);
        return;
    }
    // Nothing of this variant and scenario to show: the scenario's empty chart.
    chart_->reset(s ? *s : Scenario{}, s ? s->duration_s : 60);
    chart_->setComponent(QString(), {}, {});
    summary_->setRowCount(0);
    {
        QSignalBlocker block(component_);
        component_->clear();
    }
    if (report_ && !runShown())
        setStatus(tr("The last run was of variant '%1'; show that variant again to see or export it.")
                      .arg(QString::fromStdString(report_->variant)));
    else if (report_)
        setStatus(tr("The last run was of scenario '%1'; choose it again to see it. Exports hold that run.")
                      .arg(QString::fromStdString(report_->scenario)));
}

void SimulationPanel::forgetRun() {
    if (runner_->running()) {
        discardRun_ = true;
        runner_->cancel();
    }
    report_.reset();
    partial_ = false;
    runVariant_ = -1;
    setStatus(QString());
}

void SimulationPanel::stopForeignRun() {
    if (runner_->running() && runVariant_ != doc_->currentVariant()) {
        discardRun_ = true;
        runner_->cancel();
    }
}

QString SimulationPanel::runStatus() const {
    if (!report_) return {};
    const sim::Estimate* a = report_->estimate("availability");
    const QString availability = a && a->n > 0 ? QString::number(a->mean * 100, 'f', 3) : QStringLiteral("—");
    if (partial_) {
        const double done = report_->runs.empty() ? 0 : static_cast<double>(report_->runs.front().series.size());
        return tr("Stopped after %1 of %2: the chart, the summary and the exports hold the seconds simulated "
                  "so far (marked partial). Availability %3 %.")
            .arg(seconds(done), seconds(report_->duration_s), availability);
    }
    return tr("Done: %1 replicate(s), %2 method, seed %3. Availability %4 %.")
        .arg(report_->runs.size())
        .arg(QString::fromUtf8(sim::methodKey(report_->method)))
        .arg(report_->seed)
        .arg(availability);
}

void SimulationPanel::setRunning(bool running) {
    const bool haveScenario = doc_->project().findScenario(scenario_->currentText().toStdString()) != nullptr;
    runButton_->setEnabled(!running && haveScenario);
    cancelButton_->setEnabled(running);
    for (QWidget* w : std::initializer_list<QWidget*>{scenario_, editButton_, seed_, replicates_, duration_, method_, component_})
        w->setEnabled(!running);
    csvButton_->setEnabled(!running && runShown());
    jsonButton_->setEnabled(!running && runShown());
    if (!running) progress_->setValue(runShown() ? (partial_ && !report_->runs.empty() && report_->duration_s > 0
                                                        ? qRound(1000 * report_->runs.front().series.size() / report_->duration_s)
                                                        : 1000)
                                                 : 0);
}

void SimulationPanel::run() {
    if (runner_->running()) return;
    const Scenario* s = doc_->project().findScenario(scenario_->currentText().toStdString());
    if (!s) return;
    sim::Options o;
    o.seed = static_cast<std::uint64_t>(seed_->value());
    o.replicates = replicates_->value();
    o.duration_s = duration_->value();
    o.method = static_cast<sim::Method>(method_->currentData().toInt());
    report_.reset();
    partial_ = false;
    discardRun_ = false;
    runVariant_ = doc_->currentVariant();
    summary_->setRowCount(0);
    {
        QSignalBlocker block(component_);
        component_->clear();
    }
    chart_->setComponent(QString(), {}, {});
    chart_->reset(*s, o.duration_s > 0 ? o.duration_s : s->duration_s);
    progress_->setValue(0);
    setStatus(tr("Simulating %1 replicate(s) of '%2' against '%3'…")
                  .arg(o.replicates)
                  .arg(QString::fromStdString(s->name), QString::fromStdString(doc_->design().name)));
    setRunning(true);
    runner_->start(doc_->design(), *s, o);
}

void SimulationPanel::cancel() { runner_->cancel(); }

void SimulationPanel::editScenarios() {
    ScenarioEditor editor(doc_->project(), doc_->design(), this);
    if (editor.exec() != QDialog::Accepted) return;
    if (editor.scenarios() == doc_->project().scenarios) return;
    doc_->undoStack()->push(new ScenariosCommand(doc_, editor.scenarios()));
}

void SimulationPanel::setStatus(const QString& text, bool problem) {
    status_->setText(text);
    // A problem in the theme's "invalid" colour; otherwise the inherited
    // palette, so the text follows a theme switch.
    if (problem) {
        QPalette p = palette();
        p.setColor(QPalette::WindowText, theme_.invalid);
        status_->setPalette(p);
    } else {
        status_->setPalette(QPalette());
    }
}

QString SimulationPanel::statusText() const { return status_->text(); }

void SimulationPanel::showReport(const sim::Report& report) {
    if (!report_ || &report != &*report_) report_ = report;
    if (!report.runs.empty()) chart_->setSeries(report.runs.front().series);
    fillSummary(report);
    {
        // Every serving component, the one with the longest queue first shown.
        QSignalBlocker block(component_);
        component_->clear();
        for (const std::string& id : report.component_ids) component_->addItem(QString::fromStdString(id));
        const QString peak = report.runs.empty() ? QString() : QString::fromStdString(report.runs.front().summary.peak_queue_component);
        const int i = component_->findText(peak);
        component_->setCurrentIndex(i >= 0 ? i : 0);
    }
    showComponent();
    if (!partial_ && !report.converged)
        setStatus(runStatus() + tr(" Not converged: %1.").arg(QString::fromStdString(report.convergence)), true);
    else
        setStatus(runStatus());
    setRunning(false);
}

void SimulationPanel::showComponent() {
    if (!report_ || report_->runs.empty() || component_->currentIndex() < 0) return;
    const sim::Run& run = report_->runs.front();
    const std::size_t nc = report_->component_ids.size(), c = static_cast<std::size_t>(component_->currentIndex());
    std::vector<double> util, queue;
    for (std::size_t t = 0; t < run.series.size() && (t + 1) * nc <= run.components.size(); ++t) {
        util.push_back(run.components[t * nc + c].utilization);
        queue.push_back(run.components[t * nc + c].queue);
    }
    chart_->setComponent(component_->currentText(), util, queue);
}

void SimulationPanel::fillSummary(const sim::Report& report) {
    struct Row {
        const char* key;
        QString label;
        double factor;
        int decimals;
        QString unit;
    };
    const Row rows[] = {
        {"availability", tr("Availability"), 100, 3, QStringLiteral(" %")},
        {"requests_lost", tr("Requests lost"), 1, 0, QString()},
        {"time_to_detect_s", tr("Time to detect"), 1, 1, QStringLiteral(" s")},
        {"time_to_recover_s", tr("Time to recover"), 1, 1, QStringLiteral(" s")},
        {"p50_ms", tr("p50 latency"), 1, 1, QStringLiteral(" ms")},
        {"p95_ms", tr("p95 latency"), 1, 1, QStringLiteral(" ms")},
        {"p99_ms", tr("p99 latency"), 1, 1, QStringLiteral(" ms")},
        {"errors", tr("Errors"), 1, 0, QString()},
        {"timeouts", tr("Timeouts"), 1, 0, QString()},
        {"rejections", tr("Rejected / shed"), 1, 0, QString()},
        {"slo_violation_s", tr("Below target"), 1, 0, QStringLiteral(" s")},
        {"peak_queue", tr("Peak queue"), 1, 0, QString()},
        {"extra_instance_hours", tr("Extra instances"), 1, 2, QStringLiteral(" h")},
        {"extra_cost_usd", tr("Extra cost"), 1, 2, QStringLiteral(" USD")},
    };
    summary_->setRowCount(0);
    auto add = [this](const QString& label, const QString& mean, const QString& ci) {
        const int r = summary_->rowCount();
        summary_->insertRow(r);
        summary_->setItem(r, 0, new QTableWidgetItem(label));
        auto* m = new QTableWidgetItem(mean);
        m->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        summary_->setItem(r, 1, m);
        auto* c = new QTableWidgetItem(ci);
        c->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        summary_->setItem(r, 2, c);
    };
    for (const Row& row : rows) {
        const sim::Estimate* e = report.estimate(row.key);
        if (!e) continue;
        if (e->n == 0) {
            add(row.label, tr("none"), QString());
            continue;
        }
        add(row.label, QString::number(e->mean * row.factor, 'f', row.decimals) + row.unit,
            e->n > 1 ? QStringLiteral("± ") + QString::number(e->ci95 * row.factor, 'f', row.decimals) : QStringLiteral("—"));
    }
    if (!report.runs.empty()) {
        const sim::Summary& s = report.runs.front().summary;
        if (!s.peak_queue_component.empty())
            add(tr("Peak queue at"), QString::fromStdString(s.peak_queue_component), QString());
        int aborted = 0, violated = 0;
        for (const sim::Run& r : report.runs) {
            aborted += r.summary.aborted ? 1 : 0;
            violated += r.summary.steady_state_held ? 0 : 1;
        }
        const Scenario* sc = doc_->project().findScenario(report.scenario);
        if (sc && (!sc->steady_state.empty() || !sc->abort_when.empty()))
            add(tr("Chaos experiment"),
                aborted ? tr("aborted in %1 of %2").arg(aborted).arg(report.runs.size())
                        : violated ? tr("steady state broken in %1 of %2").arg(violated).arg(report.runs.size())
                                   : tr("passed"),
                QString());
    }
}

QString SimulationPanel::summaryText() const {
    QStringList lines;
    for (int r = 0; r < summary_->rowCount(); ++r)
        lines << QStringLiteral("%1\t%2\t%3").arg(summary_->item(r, 0)->text(), summary_->item(r, 1)->text(),
                                                 summary_->item(r, 2)->text());
    return lines.join(QLatin1Char('\n'));
}

bool SimulationPanel::writeFile(const QString& path, const std::string& bytes) {
    // The one crash-safe writer: a temporary file renamed over a regular file
    // (never over a device or a FIFO), so an existing file is never half-replaced.
    if (auto error = writeTextFileAtomically(path.toStdString(), bytes)) {
        setStatus(tr("Could not write: %1").arg(QString::fromStdString(printable(*error))), true);
        return false;
    }
    setStatus(tr("Wrote %1").arg(path));
    return true;
}

sim::ExportOrigin SimulationPanel::exportOrigin() const {
    sim::ExportOrigin o;
    o.file = sourceName_.toStdString();
    if (!report_) return o;
    o.variant = report_->variant;
    o.partial = partial_;
    o.simulated_s = report_->runs.empty() ? 0 : static_cast<double>(report_->runs.front().series.size());
    return o;
}

bool SimulationPanel::exportCsv(const QString& path) {
    if (!runShown()) return false;   // nothing, or a run of a variant not on show
    return writeFile(path, sim::reportCsv(*report_, exportOrigin()));
}

bool SimulationPanel::exportJson(const QString& path) {
    if (!runShown()) return false;
    return writeFile(path, sim::reportJson(*report_, true, exportOrigin()));
}

}  // namespace sw::views
