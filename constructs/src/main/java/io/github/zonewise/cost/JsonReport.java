package io.github.zonewise.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zonewise.facts.Price;
import io.github.zonewise.facts.PriceBook;
import java.util.Collection;
import java.util.Locale;

/** The cost report as JSON ({@value CostReport#JSON_FILE}): every line item with its formula and inputs. */
final class JsonReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {
  }

  /**
   * The machine-readable report: every line item with its formula and inputs.
   *
   * @param r the report
   * @return the JSON text
   */
  static String render(CostReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("landscape", r.landscape().name());
    root.put("region", r.landscape().region());
    root.put("pricedAt", r.prices().regionPriced() ? r.prices().region() : "us-east-1 (no price table for "
        + r.prices().region() + ")");
    root.put("currency", "USD");
    root.put("period", "month of " + Advice.gb(r.prices().usd(PriceBook.HOURS_PER_MONTH)) + " hours");
    ObjectNode t = root.putObject("traffic");
    t.put("source", r.traffic().defaulted() ? "default profile" : "landscape");
    ArrayNode flows = t.putArray("flows");
    for (Flow f : r.traffic().flows()) {
      ObjectNode o = flows.addObject();
      o.put("index", f.index());
      o.put("from", f.from());
      o.put("fromKind", f.fromKind().name().toLowerCase(Locale.ROOT));
      o.put("to", f.to());
      o.put("toKind", f.toKind().name().toLowerCase(Locale.ROOT));
      o.put("gb", CostReport.round(f.gb()));
      o.put("priced", r.carried().flows().stream().anyMatch(x -> x.index() == f.index()));
    }
    ObjectNode totals = root.putObject("totals");
    for (DesignCost d : r.designs()) {
      totals.put(d.name(), CostReport.round(d.total()));
    }
    ObjectNode ratios = root.putObject("ratios");
    ratios.put("naiveOverGenerated", CostReport.round(r.naiveOverGenerated()));
    ratios.put("generatedOverFloor", CostReport.round(r.generatedOverFloor()));
    ArrayNode designs = root.putArray("designs");
    for (DesignCost d : r.designs()) {
      ObjectNode o = designs.addObject();
      o.put("name", d.name());
      o.put("total", CostReport.round(d.total()));
      ObjectNode by = o.putObject("byCategory");
      d.byCategory().forEach((c, v) -> by.put(c.name().toLowerCase(Locale.ROOT), CostReport.round(v)));
      ArrayNode items = o.putArray("lineItems");
      for (LineItem item : d.lineItems()) {
        ObjectNode i = items.addObject();
        i.put("category", item.category().name().toLowerCase(Locale.ROOT));
        i.put("item", item.item());
        if (item.flow() >= 0) {
          i.put("flow", item.flow());
        }
        i.put("formula", item.formula());
        ObjectNode in = i.putObject("inputs");
        item.inputs().forEach((k, v) -> putValue(in, k, v));
        i.put("usd", CostReport.round(item.usd()));
      }
      ObjectNode paths = o.putObject("paths");
      d.paths().forEach((k, v) -> paths.put(String.valueOf(k), v));
      ArrayNode facts = o.putArray(d.name().equals("generated") ? "readFromSynth" : "assumptions");
      d.design().facts().forEach(facts::add);
    }
    ArrayNode decisions = root.putArray("decisions");
    for (Choices.ReportedDecision d : r.choices().decisions()) {
      ObjectNode o = decisions.addObject();
      o.put("field", d.field());
      o.put("built", d.chosen());
      o.put("written", d.written());
      ObjectNode options = o.putObject("monthlyUsd");
      d.alternatives().forEach((k, v) -> options.put(k, CostReport.round(v)));
      o.put("reason", d.reason());
    }
    ArrayNode trades = root.putArray("availabilityTrades");
    for (Advice a : r.availabilityTrades()) {
      ObjectNode o = trades.addObject();
      o.put("topic", a.topic());
      o.put("text", a.text());
      o.put("monthlySavingUsd", CostReport.round(a.monthlySavingUsd()));
    }
    ArrayNode adv = root.putArray("advice");
    for (Advice a : r.advice()) {
      ObjectNode o = adv.addObject();
      o.put("topic", a.topic());
      o.put("text", a.text());
      o.put("monthlySavingUsd", CostReport.round(a.monthlySavingUsd()));
    }
    ArrayNode n = root.putArray("notes");
    r.notes().forEach(n::add);
    ArrayNode model = root.putArray("modelAssumptions");
    CostReport.MODEL_ASSUMPTIONS.forEach(model::add);
    ArrayNode p = root.putArray("prices");
    for (Price price : r.prices().prices()) {
      ObjectNode o = p.addObject();
      o.put("key", price.key());
      o.put("usd", price.usd());
      o.put("unit", price.unit());
      o.put("source", price.source());
      o.put("asOf", price.asOf());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putValue(ObjectNode node, String key, Object v) {
    if (v instanceof Number num) {
      node.put(key, CostReport.round(num.doubleValue()));
    } else if (v instanceof Collection<?> c) {
      ArrayNode a = node.putArray(key);
      c.forEach(x -> a.add(String.valueOf(x)));
    } else {
      node.put(key, String.valueOf(v));
    }
  }


}
