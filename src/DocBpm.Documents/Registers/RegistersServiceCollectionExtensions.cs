using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Registers;

public static class RegistersServiceCollectionExtensions
{
    /// <summary>
    /// Register books, the number allocator and the register printer, on the scoped <c>DbContext</c>. The rows to
    /// print come from the <see cref="IIncomingRegisterEntries"/> / <see cref="IOutgoingRegisterEntries"/> the document
    /// features register.
    /// </summary>
    public static IServiceCollection AddDocBpmRegisters(this IServiceCollection services)
    {
        services.AddScoped<RegisterBooks>();
        services.AddScoped<RegisterNumbers>();
        services.AddScoped<RegisterExport>();
        return services;
    }
}
