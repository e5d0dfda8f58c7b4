// The inspector's forms for one component, edge, region or zone, and the
// live figures of the selected component.
#include <QFormLayout>

#include <algorithm>
#include <QLabel>
#include <QLineEdit>

#include "model/Catalogue.h"
#include "views/canvas/Format.h"
#include "views/report/FailoverGroupText.h"
#include "views/commands/UpdateCommand.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"
#include "views/inspector/InspectorWidget.h"
#include "views/inspector/NumberField.h"
#include "views/theme/Icons.h"

namespace sw::views {
namespace {
QString qs(std::string_view v) { return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size())); }
}  // namespace

void InspectorWidget::buildComponent() {
    const Component* c0 = doc_->component(id_);
    if (!c0) return;
    const ComponentKind kind = c0->kind;
    addHeader(kindIcon(kind), QString::fromStdString(c0->name), qs(kindLabel(kind)) + QStringLiteral(" · ") + qs(c0->id));
    auto get = [this] { return doc_->component(id_); };
    auto edit = [this, get](const std::function<void(Component&)>& f, const QString& what) {
        const Component* c = get();
        if (!c) return;
        Fragment b, a;
        b.components.push_back(*c);
        Component m = *c;
        f(m);
        a.components.push_back(m);
        push(std::move(b), std::move(a), what.arg(QString::fromStdString(c->name)));
    };
    QFormLayout* general = section(tr("Component"));
    nameEdit_ = addText(general, tr("Name"), [get] { return get() ? get()->name : std::string(); },
                        [edit](const std::string& v) { edit([&](Component& c) { c.name = v; }, tr("Rename %1")); });
    if (hasInstances(kind)) {
        QStringList types{QString()}, labels{tr("(managed / none)")};
        for (const InstanceType& t : defaultCatalogue().instance_types) {
            types << QString::fromStdString(t.name);
            labels << QStringLiteral("%1 — %2 vCPU, %3 GiB").arg(QString::fromStdString(t.name)).arg(t.vcpu).arg(t.ram_gib);
        }
        addCombo(general, tr("Instance type"), types, labels,
                 [get] { return get() ? QString::fromStdString(get()->instance_type) : QString(); },
                 [edit](const QString& v) { edit([&](Component& c) { c.instance_type = v.toStdString(); }, tr("Instance type of %1")); });
        addCombo(general, tr("Pricing"), {QStringLiteral("on_demand"), QStringLiteral("reserved"), QStringLiteral("spot")},
                 {tr("On demand"), tr("Reserved"), tr("Spot")},
                 [get] { return get() ? qs(pricingKey(get()->pricing)) : QString(); },
                 [edit](const QString& v) {
                     if (auto p = pricingFromKey(v.toStdString())) edit([&](Component& c) { c.pricing = *p; }, tr("Pricing of %1"));
                 });
    }
    if (kind == ComponentKind::Database)
        addCombo(general, tr("Role"), {QStringLiteral("primary"), QStringLiteral("replica"), QStringLiteral("shard")},
                 {tr("Primary"), tr("Read replica"), tr("Shard")},
                 [get] { return get() ? qs(roleKey(get()->role)) : QString(); },
                 [edit](const QString& v) {
                     if (auto r = roleFromKey(v.toStdString())) edit([&](Component& c) { c.role = *r; }, tr("Role of %1"));
                 });
    if (kind != ComponentKind::UserGroup) {
        auto* placement = new QLabel(body_);
        placement->setWordWrap(true);
        general->addRow(tr("Placement"), placement);
        refreshers_.push_back([this, placement, get] {
            const Component* c = get();
            if (!c) return;
            QString text = tr("outside any region (drag it into one)");
            if (const Region* r = doc_->region(c->region)) {
                text = QString::fromStdString(r->name);
                if (const Zone* z = doc_->zone(c->zone)) text += QStringLiteral(" › ") + QString::fromStdString(z->name);
                else text += tr(" (region-wide)");
            }
            placement->setText(text);
        });
    }
    addNumbers<ComponentParams>(section(tr("Parameters")), componentFields(),
                                [get] { return get() ? &get()->params : nullptr; },
                                [edit](ComponentParams& p) { edit([&](Component& c) { c.params = p; }, tr("Edit %1")); },
                                [kind](const FieldSpec<ComponentParams>& f) { return f.appliesTo(kind); });
    if (kind != ComponentKind::UserGroup) figures_ = section(tr("Live figures"));
}

void InspectorWidget::buildLink() {
    const Link* l0 = doc_->link(id_);
    if (!l0) return;
    const Component* from = doc_->component(l0->from);
    const Component* to = doc_->component(l0->to);
    const QString title = QStringLiteral("%1 → %2").arg(QString::fromStdString(from ? from->name : l0->from),
                                                       QString::fromStdString(to ? to->name : l0->to));
    addHeader(namedIcon(l0->kind == LinkKind::Call ? QStringLiteral("tool_call") : QStringLiteral("tool_replication")),
              title, (l0->kind == LinkKind::Call ? tr("Call edge") : tr("Replication edge")) + QStringLiteral(" · ") + qs(l0->id));
    auto get = [this] { return doc_->link(id_); };
    auto edit = [this, get](const std::function<void(Link&)>& f, const QString& what) {
        const Link* l = get();
        if (!l) return;
        Fragment b, a;
        b.links.push_back(*l);
        Link m = *l;
        f(m);
        a.links.push_back(m);
        push(std::move(b), std::move(a), what);
    };
    QFormLayout* form = section(tr("Edge"));
    addCombo(form, tr("Kind"), {QStringLiteral("call"), QStringLiteral("replication")}, {tr("Call"), tr("Replication")},
             [get] { return get() ? qs(linkKindKey(get()->kind)) : QString(); },
             [edit](const QString& v) {
                 if (auto k = linkKindFromKey(v.toStdString())) edit([&](Link& l) { l.kind = *k; }, tr("Edge kind"));
             });
    addCombo(form, tr("Mode"), {QStringLiteral("sync"), QStringLiteral("async"), QStringLiteral("quorum")},
             {tr("Synchronous"), tr("Asynchronous"), tr("Quorum")},
             [get] { return get() ? qs(linkModeKey(get()->mode)) : QString(); },
             [edit](const QString& v) {
                 if (auto m = linkModeFromKey(v.toStdString())) edit([&](Link& l) { l.mode = *m; }, tr("Edge mode"));
             });
    addCombo(form, tr("Requests"), {QStringLiteral("both"), QStringLiteral("read"), QStringLiteral("write")},
             {tr("Reads and writes"), tr("Reads only"), tr("Writes only")},
             [get] { return get() ? qs(accessKey(get()->access)) : QString(); },
             [edit](const QString& v) {
                 if (auto a = accessFromKey(v.toStdString())) edit([&](Link& l) { l.access = *a; }, tr("Edge access"));
             });
    addNumbers<LinkParams>(form, linkFields(), [get] { return get() ? &get()->params : nullptr; },
                           [edit](LinkParams& p) { edit([&](Link& l) { l.params = p; }, tr("Edit edge")); },
                           [](const FieldSpec<LinkParams>&) { return true; });
}

void InspectorWidget::buildRegion() {
    const Region* r0 = doc_->region(id_);
    if (!r0) return;
    addHeader(namedIcon(QStringLiteral("region")), QString::fromStdString(r0->name), tr("Region · %1").arg(qs(r0->id)));
    auto get = [this] { return doc_->region(id_); };
    auto edit = [this, get](const std::function<void(Region&)>& f, const QString& what) {
        const Region* r = get();
        if (!r) return;
        Fragment b, a;
        b.regions.push_back(*r);
        Region m = *r;
        f(m);
        a.regions.push_back(m);
        push(std::move(b), std::move(a), what);
    };
    QFormLayout* form = section(tr("Region"));
    nameEdit_ = addText(form, tr("Name"), [get] { return get() ? get()->name : std::string(); },
                        [edit](const std::string& v) { edit([&](Region& r) { r.name = v; }, tr("Rename region")); });
    QStringList codes{QString()}, labels{tr("(custom location)")};
    for (const CloudRegion& cr : defaultCatalogue().regions) {
        codes << QString::fromStdString(cr.code);
        labels << QStringLiteral("%1 — %2").arg(QString::fromStdString(cr.code), QString::fromStdString(cr.city));
    }
    addCombo(form, tr("Cloud region"), codes, labels, [get] { return get() ? QString::fromStdString(get()->code) : QString(); },
             [edit](const QString& v) {
                 edit([&](Region& r) {
                     r.code = v.toStdString();
                     if (const CloudRegion* cr = defaultCatalogue().findRegion(r.code)) {
                         r.provider = cr->provider;
                         r.params.latitude = cr->latitude;
                         r.params.longitude = cr->longitude;
                     }
                 }, tr("Cloud region"));
             });
    addNumbers<RegionParams>(form, regionFields(), [get] { return get() ? &get()->params : nullptr; },
                             [edit](RegionParams& p) { edit([&](Region& r) { r.params = p; }, tr("Edit region")); },
                             [](const FieldSpec<RegionParams>&) { return true; });
}

void InspectorWidget::buildZone() {
    const Zone* z0 = doc_->zone(id_);
    if (!z0) return;
    const Region* r = doc_->region(z0->region);
    addHeader(namedIcon(QStringLiteral("zone")), QString::fromStdString(z0->name),
              tr("Availability zone of %1").arg(QString::fromStdString(r ? r->name : z0->region)));
    auto get = [this] { return doc_->zone(id_); };
    auto edit = [this, get](const std::function<void(Zone&)>& f, const QString& what) {
        const Zone* z = get();
        if (!z) return;
        Fragment b, a;
        b.zones.push_back(*z);
        Zone m = *z;
        f(m);
        a.zones.push_back(m);
        push(std::move(b), std::move(a), what);
    };
    QFormLayout* form = section(tr("Zone"));
    nameEdit_ = addText(form, tr("Name"), [get] { return get() ? get()->name : std::string(); },
                        [edit](const std::string& v) { edit([&](Zone& z) { z.name = v; }, tr("Rename zone")); });
    addNumbers<ZoneParams>(form, zoneFields(), [get] { return get() ? &get()->params : nullptr; },
                           [edit](ZoneParams& p) { edit([&](Zone& z) { z.params = p; }, tr("Edit zone")); },
                           [](const FieldSpec<ZoneParams>&) { return true; });
}

void InspectorWidget::refreshFigures() {
    if (problems_) {
        const std::string p = analysis_ && !id_.empty() ? analysis_->problemsOf(id_) : std::string();
        problems_->setText(QString::fromStdString(p));
        problems_->setVisible(!p.empty());
    }
    if (!figures_ || subject_ != Subject::Component) return;
    while (figures_->rowCount() > 0) figures_->removeRow(0);
    const int i = doc_->componentIndex(id_);
    if (!analysis_ || !analysis_->resultsCurrent() || i < 0) {
        figures_->addRow(new QLabel(analysis_ && analysis_->refusedInvalid()
                                        ? tr("Not analysed: the design has validation errors.")
                                    : analysis_ && analysis_->hasEngine() ? tr("Computing…")
                                                                        : tr("The analytic engine is not available."), body_));
        return;
    }
    const ComponentResult& r = analysis_->analysis().components[static_cast<std::size_t>(i)];
    auto row = [this](const QString& label, const QString& value) {
        auto* v = new QLabel(value, body_);
        v->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        figures_->addRow(label, v);
    };
    row(tr("Peak load"), QStringLiteral("%1 rps").arg(formatCount(r.load_rps)));
    row(tr("Capacity"), QStringLiteral("%1 rps").arg(formatCount(r.capacity_rps)));
    row(tr("Utilisation"), r.saturated ? tr("saturated (%1)").arg(formatPercent(r.utilization)) : formatPercent(r.utilization, 1));
    row(tr("Headroom"), formatPercent(r.headroom));
    row(tr("Instances needed"), QStringLiteral("%1 (has %2)").arg(formatCount(r.instances_needed), formatCount(r.instances)));
    row(tr("Queueing wait"), r.saturated ? QStringLiteral("∞") : formatMs(r.wq_ms));
    row(tr("p95 at this tier"), r.saturated ? QStringLiteral("∞") : formatMs(r.p95_ms));
    row(tr("Availability"), formatAvailability(r.availability));
    // A database in a failover group: the group as one line.
    for (const FailoverGroupResult& g : analysis_->analysis().summary.availability.failover_groups) {
        const bool member = g.primary == id_ || std::find(g.replicas.begin(), g.replicas.end(), id_) != g.replicas.end();
        if (!member) continue;
        const Component* p = doc_->design().findComponent(g.primary);
        auto* v = new QLabel(failoverGroupLine(g, QString::fromStdString(p && !p->name.empty() ? p->name : g.primary)), body_);
        v->setWordWrap(true);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        figures_->addRow(tr("Failover group"), v);
    }
    row(tr("Cost"), formatMoney(r.cost_per_month_usd) + tr(" / month"));
}

}  // namespace sw::views
