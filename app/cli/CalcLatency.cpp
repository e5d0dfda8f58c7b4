// `scalewright calc latency`: distance, the light-in-fibre floor and a modelled RTT.
#include "app/cli/CalcCommon.h"
#include "app/cli/VerbParser.h"
#include "model/LatencyTables.h"
#include "planner/Calculators.h"

namespace sw::cli {

namespace {

// --from REGION or --from-coord LAT,LON (exactly one).
std::optional<GeoPoint> endpoint(const QCommandLineParser& p, const QString& side, const QString& prog, Io& io) {
    const QString region = side, coord = side + "-coord";
    if (p.isSet(region) == p.isSet(coord)) {
        io.err << prog << ": give exactly one of --" << region << " REGION and --" << coord << " LAT,LON\n";
        return std::nullopt;
    }
    Result<GeoPoint> point = Result<GeoPoint>::failure("");
    if (p.isSet(region)) {
        point = regionPoint(p.value(region).trimmed().toStdString());
    } else {
        const QStringList parts = p.value(coord).split(',');
        bool okLat = false, okLon = false;
        const double lat = parts.value(0).trimmed().toDouble(&okLat);
        const double lon = parts.value(1).trimmed().toDouble(&okLon);
        if (parts.size() != 2 || !okLat || !okLon) {
            io.err << prog << ": --" << coord << " '" << p.value(coord) << "' must be LAT,LON in degrees\n";
            return std::nullopt;
        }
        point = coordinatePoint(lat, lon);
    }
    if (!point) {
        io.err << prog << ": --" << (p.isSet(region) ? region : coord) << ": " << shown(point.error())
               << "\n";
        return std::nullopt;
    }
    return point.value();
}

}  // namespace

int runCalcLatency(const QStringList& args, Io& io) {
    const QString prog = args.value(0);
    VerbParser vp("Great-circle distance between two regions or coordinates, the physical floor RTT\n"
                  "(2 d / 204 km/ms, light in fibre), the route-aware modelled RTT and, for a pair of\n"
                  "catalogue regions with a published measurement, the measured RTT.",
                  "");
    QCommandLineParser& p = vp.parser();
    p.addOption({"from", "Catalogue region code, e.g. us-east-1, europe-west1.", "REGION"});
    p.addOption({"from-coord", "Latitude,longitude in degrees.", "LAT,LON"});
    p.addOption({"to", "Catalogue region code.", "REGION"});
    p.addOption({"to-coord", "Latitude,longitude in degrees.", "LAT,LON"});
    p.addOption({"rtt", "An RTT to check: refused below the floor, a warning more than 25 % below the "
                        "measurement or the model.", "MS"});
    p.addOption({"route-factor", "Fibre slack of the model (default " + QString::number(LatencyModel{}.route_factor) + ").", "F"});
    p.addOption({"overhead", "Overhead per path in ms (default " + QString::number(LatencyModel{}.overhead_ms) + ").", "MS"});
    p.addOption({"per-hop", "Overhead per span in ms (default " + QString::number(LatencyModel{}.per_hop_ms) + ").", "MS"});
    p.addOption({"json", "Print as JSON."});
    if (auto rc = vp.parse(args, io, 0, 0)) return *rc;
    const auto from = endpoint(p, "from", prog, io);
    if (!from) return kUsage;
    const auto to = endpoint(p, "to", prog, io);
    if (!to) return kUsage;
    LatencyModel model;
    if (p.isSet("route-factor")) {
        const auto f = numberOption(p, "route-factor", prog, io);
        if (!f) return kUsage;
        model.route_factor = *f;
    }
    if (p.isSet("overhead")) {
        const auto o = numberOption(p, "overhead", prog, io);
        if (!o) return kUsage;
        model.overhead_ms = *o;
    }
    if (p.isSet("per-hop")) {
        const auto h = numberOption(p, "per-hop", prog, io);
        if (!h) return kUsage;
        model.per_hop_ms = *h;
    }
    auto modelled = calcLatency(*from, *to, std::nullopt, model);
    if (!modelled) {
        io.err << prog << ": " << shown(modelled.error()) << "\n";
        return kUsage;
    }
    std::optional<double> rtt;
    if (p.isSet("rtt")) {
        rtt = numberOption(p, "rtt", prog, io);
        if (!rtt) return kUsage;
    }
    auto r = calcLatency(*from, *to, rtt, model);
    if (!r) {   // a measured RTT below the physical floor: a refused value
        io.err << prog << ": " << shown(r.error()) << "\n";
        return kFindings;
    }
    if (r->far_below_expected)
        io.err << prog << ": warning: RTT " << num(*r->measured_rtt_ms, 4) << " ms is more than 25 % below the "
               << (r->catalogue_rtt_ms ? "measured " : "modelled ") << num(r->expected_rtt_ms(), 4) << " ms between "
               << QString::fromStdString(r->from.label) << " and " << QString::fromStdString(r->to.label)
               << "; check the figure\n";
    if (p.isSet("json")) {
        io.out << QString::fromStdString(latencyCalcJson(r.value()));
        return kOk;
    }
    io.out << shown(r->from.label) << " -> " << shown(r->to.label) << "\n"
           << "  great-circle distance  " << num(r->distance_km, 5) << " km\n"
           << "  floor RTT              " << num(r->floor_rtt_ms, 4) << " ms (2 d / 204 km/ms, light in fibre)\n"
           << "  route                  " << num(r->path_km, 5) << " km over " << r->hops << " spans\n"
           << "  modelled RTT           " << num(r->modelled_rtt_ms, 4) << " ms (" << num(model.route_factor)
           << " x 2 L / 204 + " << num(model.overhead_ms) << " ms + " << r->hops << " x " << num(model.per_hop_ms)
           << " ms)\n";
    if (r->catalogue_rtt_ms)
        io.out << "  measured RTT (catalogue) " << num(*r->catalogue_rtt_ms, 4) << " ms ("
               << QString::fromStdString(defaultLatencyTables().measured.statistic.substr(0, 3)) << ", "
               << QString::fromStdString(defaultLatencyTables().measured.date) << ")\n";
    if (r->measured_rtt_ms)
        io.out << "  given RTT              " << num(*r->measured_rtt_ms, 4) << " ms ("
               << num(*r->measured_rtt_ms / r->floor_rtt_ms, 3) << " x floor"
               << (r->far_below_expected ? ", more than 25 % below expected" : "") << ")\n";
    return kOk;
}

}  // namespace sw::cli
