using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>Table, Blob and Queue clients built from the one <c>Storage</c> setting.</summary>
public sealed class StorageClients
{
    public StorageClients(StorageOptions options, StorageCallCounter? counter = null, TokenCredential? credential = null)
    {
        Names = new StorageNames(options);
        Counter = counter ?? new StorageCallCounter();
        // The Functions host's queue trigger reads base64 messages by default, so everything we enqueue is base64.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        foreach (var clientOptions in new Azure.Core.ClientOptions[] { queueOptions, tableOptions, blobOptions })
        {
            clientOptions.AddPolicy(Counter, HttpPipelinePosition.PerRetry);
            // Bounded, so an outage answers 503 within about two seconds instead of the SDK's default minute of retries.
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.MaxRetries = options.MaxRetries;
            clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
            clientOptions.Retry.MaxDelay = TimeSpan.FromMilliseconds(400);
            clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        }
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        }
        else if (!string.IsNullOrWhiteSpace(options.AccountName))
        {
            credential ??= new DefaultAzureCredential();
            var name = options.AccountName;
            Tables = new TableServiceClient(new Uri($"https://{name}.table.core.windows.net"), credential, tableOptions);
            Blobs = new BlobServiceClient(new Uri($"https://{name}.blob.core.windows.net"), credential, blobOptions);
            Queues = new QueueServiceClient(new Uri($"https://{name}.queue.core.windows.net"), credential, queueOptions);
        }
        else
        {
            throw new InvalidOperationException(
                "Storage is not configured: set 'Storage' to a connection string (UseDevelopmentStorage=true locally) or 'Storage__AccountName' in Azure.");
        }
    }

    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    public StorageNames Names { get; }
    public StorageCallCounter Counter { get; }

    public TableClient Table(string logicalName) => Tables.GetTableClient(Names.Table(logicalName));
    public QueueClient Queue(string logicalName) => Queues.GetQueueClient(Names.Queue(logicalName));
    public BlobContainerClient Container(string logicalName) => Blobs.GetBlobContainerClient(Names.Container(logicalName));
}
