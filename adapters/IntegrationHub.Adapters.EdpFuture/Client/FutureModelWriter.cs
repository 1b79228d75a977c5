using IntegrationHub.Adapters.EdpFuture.Model;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>Writes the adapter's records as Future's DataContract types, members in the WSDL's order.</summary>
internal static class FutureModelWriter
{
    public static void OrderType(SoapRequest r, OrderType t) => r
        .Member("_CommentRequired", t.CommentRequired)
        .Member("_Id", t.Id)
        .Member("_Instruction", t.Instruction)
        .Member("_OrderRows", t.OrderRows, (rows, list) => rows.Items("OrderRowV1_4", list, OrderRow))
        .Member("_Price", t.Price)
        .Member("_Product", t.Product)
        .Member("_Text", t.Text)
        .Member("_Type", t.Type);

    // OrderRowV1_4 extends OrderRow: DataContract writes the base type's members first.
    public static void OrderRow(SoapRequest r, OrderRow row) => r
        .Member("_AllowQuantity", row.AllowQuantity)
        .Member("_FeeCode", row.FeeCode)
        .Member("_FeeText", row.FeeText)
        .Member("_Id", row.Id)
        .Member("_PricePerUnit", row.PricePerUnit)
        .Member("_Quantity", row.Quantity)
        .Member("_Unit", row.UnitId is null && row.UnitText is null ? null : row, (unit, x) => unit.Member("_Id", x.UnitId).Member("_Text", x.UnitText))
        .Member("_DefaultValue", row.DefaultValue)
        .Member("_MaxValue", row.MaxValue)
        .Member("_MinValue", row.MinValue);

    public static void Building(SoapRequest r, FutureBuilding b) => r
        .Member("_ID", b.Id)
        .Member("_address", b.Address)
        .Member("_city", b.City)
        .Member("_designation", b.Designation)
        .Member("_zipcode", b.ZipCode);

    public static void Image(SoapRequest r, ComplaintImage image) => r
        .Member("_Bytes", image.Content)
        .Member("_FileExtension", image.FileExtension)
        .Member("_FileName", image.FileName);
}
