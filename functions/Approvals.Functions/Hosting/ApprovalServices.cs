using Approvals.Applications;
using Approvals.Calls;
using Approvals.Catalog;
using Approvals.Intake;
using Approvals.JointAcceptance;
using Approvals.Stores;
using Approvals.Stores.Embedded;
using Approvals.Supervision;
using Microsoft.Extensions.Options;

namespace Approvals.Functions.Hosting;

/// <summary>Registers the domain (catalog, policy, calendar, intake, commands, queries, supervision) and its stores.</summary>
public static class ApprovalServices
{
    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ItemCatalog.Embedded);
        services.AddSingleton(IntakePolicy.Embedded);
        services.AddSingleton(sp => SmartGuide.Embedded(sp.GetRequiredService<ItemCatalog>()));
        services.AddSingleton<IDeadlineCalculator>(CalendarDeadlineCalculator.FromEmbeddedData());
        services.AddSingleton(sp => new ApprovalSettings
        {
            PublicBaseUrl = sp.GetRequiredService<IOptions<PortalOptions>>().Value.PublicBaseUrl.TrimEnd('/'),
        });
        services.AddSingleton(sp => new EmbeddedDatabase(Path.Combine(StoragePath(sp), "app.db")));
        services.AddSingleton(sp => new SqliteLocalQueue(sp.GetRequiredService<EmbeddedDatabase>(), DepartmentResponseHandler.Queue));
        if (configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() is { Mode: "azure" } azure) AzureStores.Add(services, azure);
        else AddEmbeddedStores(services);

        // Department notices (a task dispatched): the Service Bus topic where a namespace is configured, the embedded
        // queue otherwise.
        if (configuration["ServiceBusConnection:fullyQualifiedNamespace"] is { Length: > 0 } serviceBusNamespace)
        {
            services.AddSingleton<Approvals.Notifications.IDepartmentNotifier>(_ => Approvals.Azure.Notifications.ServiceBusDepartmentNotifier.Create(
                serviceBusNamespace, Approvals.Azure.Identity.AzureCredentials.Create(configuration["ServiceBusConnection:clientId"])));
        }
        else
        {
            services.AddSingleton<Approvals.Notifications.IDepartmentNotifier>(sp => new Approvals.Notifications.EmbeddedDepartmentNotifier(sp.GetRequiredService<EmbeddedDatabase>()));
        }

        services.AddSingleton(JointAcceptancePolicy.Embedded);
        services.AddSingleton<JointAcceptancePlanner>();
        services.AddSingleton<ProjectApplications>();
        services.AddSingleton<IProjectCommitmentLookup, EngineProjectCommitmentLookup>();
        services.AddSingleton<JointAcceptanceCommands>();
        services.AddSingleton(CallPolicy.Embedded);
        services.AddSingleton<CallPlanner>();
        services.AddSingleton<CallCommands>();
        services.AddSingleton<CallQueries>();
        services.AddSingleton(Utilities.UtilityPolicy.Embedded);
        services.AddSingleton<Utilities.UtilityPlanner>();
        services.AddSingleton<Utilities.UtilityCommands>();
        services.AddSingleton<Utilities.UtilityQueries>();
        services.AddSingleton(DirectService.DirectServicePolicy.Embedded);
        services.AddSingleton<DirectService.BookingPlanner>();
        services.AddSingleton<DirectService.DirectServiceCommands>();
        services.AddSingleton<DirectService.DirectServiceQueries>();
        services.AddSingleton(LandToStart.LandToStartPolicy.Embedded);
        services.AddSingleton<LandToStart.LandToStartPlanner>();
        services.AddSingleton<LandToStart.LandToStartCommands>();
        services.AddSingleton<LandToStart.LandToStartQueries>();
        services.AddSingleton(Stewardship.StewardPolicy.Embedded);
        services.AddSingleton<Stewardship.StewardPlanner>();
        services.AddSingleton<Stewardship.StewardCommands>();
        services.AddSingleton<Stewardship.StewardQueries>();
        services.AddSingleton(BusinessOpenings.BusinessOpeningPolicy.Embedded);
        services.AddSingleton<BusinessOpenings.BusinessOpeningPlanner>();
        services.AddSingleton<BusinessOpenings.BusinessOpeningCommands>();
        services.AddSingleton<BusinessOpenings.BusinessOpeningQueries>();
        services.AddSingleton(StagedPermits.StagedPermitPolicy.Embedded);
        services.AddSingleton<StagedPermits.IProjectStageLookup, StagedPermits.EngineProjectStageLookup>();
        services.AddSingleton<IntakePlanner>();
        services.AddSingleton<ApplicationCommands>();
        services.AddSingleton<ApplicationQueries>();
        services.AddSingleton<DepartmentResponseHandler>();
        services.AddSingleton(sp => new CommitmentAuditor(sp.GetRequiredService<ApplicationQueries>(), sp.GetRequiredService<IDeadlineCalculator>(), sp.GetRequiredService<IKeyedRecords>()));
        services.AddSingleton<ServiceFiguresBuilder>();
        services.AddSingleton<MonthlyReportBuilder>();
        services.AddSingleton<ProvisionalDeadlines>();
        services.AddSingleton<SupervisionJobs>();
        StoreHealthProbe.AddAll(services);
        return services;
    }

    private static void AddEmbeddedStores(IServiceCollection services)
    {
        services.AddSingleton<DataFolderWatch>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DataFolderWatch>());
        services.AddSingleton<IHealthProbe>(sp => sp.GetRequiredService<DataFolderWatch>());
        services.AddSingleton<IMaterialStore>(sp => new FolderMaterialStore(Path.Combine(StoragePath(sp), "materials"), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICreditLedger>(sp => new SqliteCreditLedger(Path.Combine(StoragePath(sp), "credit.db")));
        services.AddSingleton<ICertificateStore>(sp => new SqliteCertificateStore(sp.GetRequiredService<EmbeddedDatabase>()));
        services.AddSingleton<IKeyedRecords>(sp => new SqliteKeyedRecords(sp.GetRequiredService<EmbeddedDatabase>()));
        services.AddSingleton<IDeadLetters>(sp => new SqliteDeadLetters(sp.GetRequiredService<EmbeddedDatabase>()));
    }

    private static string StoragePath(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path;
}
