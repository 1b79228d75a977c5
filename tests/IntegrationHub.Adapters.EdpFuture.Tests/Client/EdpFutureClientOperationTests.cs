using System.Xml.Linq;
using IntegrationHub.Adapters.EdpFuture.Model;
using IntegrationHub.Adapters.EdpFuture.Tests.Simulation;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Client;

/// <summary>Each operation against the simulated WCF service: the envelope sent and the answer read.</summary>
public sealed class EdpFutureClientOperationTests : IDisposable
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Tempuri = "http://tempuri.org/";
    private static readonly XNamespace Model = "http://schemas.datacontract.org/2004/07/Future.Remoting.Web.Model";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly CancellationToken Token = CancellationToken.None;

    private readonly FutureSimulator _future = new();

    public void Dispose() => _future.Dispose();

    [Fact]
    public async Task GetErrandsForCustomer_SendsTheOperationWithItsSoapAction_AndReadsErrandsWithActivities()
    {
        var action = FutureSimulator.Action("IGetErrandsForCustomer", "GetErrandsForCustomer");
        _future.Reply(action, "GetErrandsForCustomer.xml");

        var errands = await FutureSimulator.Client(_future.Options()).GetErrandsForCustomerAsync(100245, Token);

        var call = Assert.Single(_future.Calls(action));
        Assert.Equal($"\"{action}\"", call.RequestMessage.Headers!["SOAPAction"].ToString());
        Assert.StartsWith("text/xml", call.RequestMessage.Headers["Content-Type"].ToString(), StringComparison.Ordinal);
        var operation = Body(call.RequestMessage.Body!);
        Assert.Equal(Tempuri + "GetErrandsForCustomer", operation.Name);
        Assert.Equal("100245", operation.Element(Tempuri + "customerId")!.Value);

        Assert.Equal([770455, 770412, 770460], errands.Select(e => e.Id));
        var va = errands[0];
        Assert.Equal("Till nämnd", va.Status);
        Assert.Equal("VA-anslutning", va.Type);
        Assert.Equal("Nyanslutning VA", va.Regarding);
        Assert.Equal(5521, va.ApplicationId);
        Assert.Equal("9990377", va.BuildingId);
        Assert.Equal(134801, va.ServiceId);
        // Future's local winter time, given its offset in Europe/Stockholm.
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 13, 40, 0, TimeSpan.FromHours(1)), va.ReceivedAt);
        Assert.Equal(3, va.Activities.Count);
        Assert.Equal(new DateTimeOffset(2026, 2, 17, 0, 0, 0, TimeSpan.FromHours(1)), va.Activities[1].CarryOutBeforeDate);
        Assert.Null(va.Activities[0].CarryOutBeforeDate);
    }

    [Fact]
    public async Task GetErrandsForCustomer_ReadsNilMembersAsNull_AndSummerTimeWithItsOffset()
    {
        _future.Reply(FutureSimulator.Action("IGetErrandsForCustomer", "GetErrandsForCustomer"), "GetErrandsForCustomer.xml");

        var owner = (await FutureSimulator.Client(_future.Options()).GetErrandsForCustomerAsync(100245, Token)).Single(e => e.Id == 770460);

        Assert.Null(owner.Description);
        Assert.Null(owner.BuildingId);
        Assert.Null(owner.ServiceId);
        Assert.Empty(owner.Activities);
        Assert.Equal(new DateTimeOffset(2025, 8, 14, 9, 30, 0, TimeSpan.FromHours(2)), owner.ReceivedAt);
    }

    [Fact]
    public async Task GetErrandsForCustomer_WithNoErrands_IsEmpty()
    {
        _future.Reply(FutureSimulator.Action("IGetErrandsForCustomer", "GetErrandsForCustomer"), "GetErrandsForCustomer-none.xml");

        Assert.Empty(await FutureSimulator.Client(_future.Options()).GetErrandsForCustomerAsync(100245, Token));
    }

    [Fact]
    public async Task GetAuthorizedUsers_UsesTheIGetAuthorizedUserContract_AndReadsRolesAndEServices()
    {
        var action = FutureSimulator.Action("IGetAuthorizedUser", "GetAuthorizedUsers");
        _future.Reply(action, "GetAuthorizedUsers.xml");

        var users = await FutureSimulator.Client(_future.Options()).GetAuthorizedUsersAsync(null, "100245", Token);

        var operation = Body(Assert.Single(_future.Calls(action)).RequestMessage.Body!);
        Assert.Equal(["identityNumber", "customerId"], operation.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("true", operation.Element(Tempuri + "identityNumber")!.Attribute(Xsi + "nil")!.Value);
        Assert.Equal("100245", operation.Element(Tempuri + "customerId")!.Value);

        Assert.Equal(2, users.Count);
        Assert.Equal("Owner", users[0].Role);
        Assert.Equal(["Order", "Complaint", "Invoices"], users[0].ApprovedEServices);
        Assert.Empty(users[0].ApprovedBuildings);
        Assert.Null(users[0].TenantId);
        Assert.True(users[0].NotifyByEmail);
        Assert.Equal(["9990377"], users[1].ApprovedBuildings);
        Assert.Equal(31, users[1].TenantId);
        Assert.Null(users[1].Email);
    }

    [Fact]
    public async Task GetCustomerById_ReadsTheCustomer()
    {
        var action = FutureSimulator.Action("IGetCustomerById", "GetCustomerById");
        _future.Reply(action, "GetCustomerById.xml");

        var customer = await FutureSimulator.Client(_future.Options()).GetCustomerByIdAsync(100245, Token);

        Assert.Equal("100245", Body(Assert.Single(_future.Calls(action)).RequestMessage.Body!).Element(Tempuri + "customerId")!.Value);
        Assert.NotNull(customer);
        Assert.Equal(100245, customer.Id);
        Assert.Equal("19121212-1212", customer.IdentityNumber);
        Assert.True(customer.EmailOk);
        Assert.Null(customer.Phone);
    }

    [Fact]
    public async Task SubmitOrderTypeApplication_WritesTheOrderTypeAsDataContract_AndReturnsTheApplicationId()
    {
        var action = FutureSimulator.Action("ISubmitOrderTypeApplicationV1_4", "SubmitOrderTypeApplicationV1_4");
        _future.Reply(action, "SubmitOrderTypeApplicationV1_4.xml");
        var application = new OrderTypeApplication
        {
            CustomerId = "100245",
            BuildingId = "9990377",
            ServiceId = 134774,
            SuggestedExecutionDate = new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero),
            Comment = "Ställer ut säcken vid grinden",
            OrderType = new OrderType
            {
                Id = 501, Price = 50m, Product = "ESK", Text = "Extra säck", Type = "Order",
                OrderRows = [new OrderRow { Id = 601, AllowQuantity = true, FeeCode = "ESK", FeeText = "Extra säck", PricePerUnit = 50, Quantity = 2, UnitText = "Piece", DefaultValue = 1, MaxValue = 10 }],
            },
            Email = "tolvan.tolvansson@exempel.se",
            TenantId = 0,
        };

        var id = await FutureSimulator.Client(_future.Options()).SubmitOrderTypeApplicationAsync(application, Token);

        Assert.Equal(4711, id);
        var operation = Body(Assert.Single(_future.Calls(action)).RequestMessage.Body!);
        Assert.Equal(
            ["customerId", "buildingId", "serviceId", "suggestedExecutionDate", "comment", "orderType", "parameterForUseDate", "email", "updateEmail", "mobilePhone", "tenantId"],
            operation.Elements().Select(e => e.Name.LocalName));
        Assert.All(operation.Elements(), e => Assert.Equal(Tempuri, e.Name.Namespace));
        // The wall-clock time in Stockholm, without offset, as Future reads it.
        Assert.Equal("2026-03-02T08:00:00", operation.Element(Tempuri + "suggestedExecutionDate")!.Value);
        Assert.Equal("true", operation.Element(Tempuri + "mobilePhone")!.Attribute(Xsi + "nil")!.Value);
        var orderType = operation.Element(Tempuri + "orderType")!;
        Assert.Equal(["_CommentRequired", "_Id", "_Instruction", "_OrderRows", "_Price", "_Product", "_Text", "_Type"], orderType.Elements().Select(e => e.Name.LocalName));
        Assert.All(orderType.Elements(), e => Assert.Equal(Model, e.Name.Namespace));
        var row = orderType.Element(Model + "_OrderRows")!.Element(Model + "OrderRowV1_4")!;
        Assert.Equal("2", row.Element(Model + "_Quantity")!.Value);
        Assert.Equal("Piece", row.Element(Model + "_Unit")!.Element(Model + "_Text")!.Value);
        Assert.Equal(["_AllowQuantity", "_FeeCode", "_FeeText", "_Id", "_PricePerUnit", "_Quantity", "_Unit", "_DefaultValue", "_MaxValue", "_MinValue"], row.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task SubmitComplaintApplication_UsesTheLatestVersion_WithBuildingAndImages()
    {
        var action = FutureSimulator.Action("ISubmitComplaintApplicationV1_4", "SubmitComplaintApplicationV1_4");
        _future.Reply(action, "SubmitComplaintApplicationV1_4.xml");
        var complaint = new ComplaintApplication
        {
            CustomerId = "100245",
            BuildingId = "9990377",
            Building = new FutureBuilding("9990377", "Exempelvägen 3", "Exempelby", "Exempelby 3:14", "85590"),
            EventDate = new DateTimeOffset(2026, 7, 1, 6, 30, 0, TimeSpan.FromHours(2)),
            Comment = "Kärlet har inte tömts",
            ErrandType = "Klagomål",
            ErrandRegards = "Ej tömt kärl",
            ServiceId = 134774,
            Time = "06:30",
            Images = [new ComplaintImage("karl.jpg", ".jpg", new byte[] { 0xFF, 0xD8, 0xFF })],
        };

        var id = await FutureSimulator.Client(_future.Options()).SubmitComplaintApplicationAsync(complaint, Token);

        Assert.Equal(4712, id);
        var operation = Body(Assert.Single(_future.Calls(action)).RequestMessage.Body!);
        Assert.Equal(Tempuri + "SubmitComplaintApplicationV1_4", operation.Name);
        Assert.Equal("2026-07-01T06:30:00", operation.Element(Tempuri + "eventDate")!.Value);
        Assert.Equal("Exempelby 3:14", operation.Element(Tempuri + "building")!.Element(Model + "_designation")!.Value);
        var image = operation.Element(Tempuri + "images")!.Element(Model + "BinaryFile")!;
        Assert.Equal("/9j/", image.Element(Model + "_Bytes")!.Value);
        Assert.Equal("true", operation.Element(Tempuri + "tenantId")!.Attribute(Xsi + "nil")!.Value);
    }

    private static XElement Body(string envelope)
    {
        var root = XDocument.Parse(envelope).Root!;
        Assert.Equal(Soap + "Envelope", root.Name);
        return root.Element(Soap + "Body")!.Elements().Single();
    }
}
